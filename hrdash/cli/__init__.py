"""The command line, `python -m hrdash COMMAND`: one module per command group, main.py routes."""
