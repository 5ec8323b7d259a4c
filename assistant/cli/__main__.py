"""`python -m assistant.cli ...` is `jixiao ...`."""
from assistant.cli import console

console()
