"""`python -m assistant ...` is `jixiao ...`."""
from assistant.cli import main

main()
