"""Where the companion listens, and its address as a QR code for a phone's camera."""

from __future__ import annotations

import io
import socket

LOOPBACK = "127.0.0.1"


def lan_address() -> str | None:
    """This machine's address on the home network: the one its traffic would leave from.

    A UDP socket "connected" to a private address sends nothing; it only asks the kernel which
    local address the route would use. None when there is no network at all.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 9))
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def qr_text(url: str) -> str:
    """The address as a QR code of half-block characters (two modules per character cell
    tall), dark on light whatever the terminal's colours, with the quiet zone scanners need."""
    import segno

    code = segno.make(url, error="l", boost_error=False)
    out = io.StringIO()
    # segno's compact terminal output writes half blocks without colour codes.
    code.terminal(out=out, compact=True, border=2)
    return out.getvalue().rstrip("\n")
