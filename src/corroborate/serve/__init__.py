"""``corroborate serve DIR``: a local web app over a run's store (see :mod:`.app`).

Why bound to 127.0.0.1 unless told otherwise: the app shows every article in the
store and takes uploads that change it, with no accounts; on a shared network that
must be a deliberate choice (``--host``), and the command warns when it is made.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "ServeConfig",
    "is_loopback",
    "run_server",
    "serve_config",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
_MB = 1_000_000


@dataclass(frozen=True)
class ServeConfig:
    """Where the app listens and how much an upload may hold."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    #: Largest single uploaded file.
    max_file_bytes: int = 25 * _MB
    #: Largest whole upload request (all files and form overhead together).
    max_request_bytes: int = 100 * _MB
    #: How long a page waits for an upload being ingested before answering 503.
    read_wait_s: float = 60.0

    @property
    def warning(self) -> str | None:
        """What to tell the user when the app is reachable from other machines."""
        if is_loopback(self.host):
            return None
        return (
            f"listening on {self.host}, not only on this machine: anyone who can reach it "
            "can read every article and upload files (there are no accounts)"
        )

    @property
    def url_host(self) -> str:
        return f"[{self.host}]" if ":" in self.host else self.host


def serve_config(
    host: str | None, port: int, max_upload_mb: float, max_request_mb: float
) -> ServeConfig:
    """The config from the command line; no ``--host`` means loopback only."""
    return ServeConfig(
        host=host or DEFAULT_HOST,
        port=port,
        max_file_bytes=int(max_upload_mb * _MB),
        max_request_bytes=int(max_request_mb * _MB),
    )


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run_server(out_dir: Path, config: ServeConfig) -> None:
    """Serve ``out_dir`` until interrupted (blocking)."""
    import uvicorn

    from corroborate.serve.app import create_app

    uvicorn.run(create_app(out_dir, config), host=config.host, port=config.port, log_level="info")
