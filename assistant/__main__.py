"""`python -m assistant ...` is `jixiao ...`."""
from assistant.cli import console

console()
