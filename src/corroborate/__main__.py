"""``python -m corroborate`` runs the command line."""

from corroborate.cli import app

app(prog_name="corroborate")
