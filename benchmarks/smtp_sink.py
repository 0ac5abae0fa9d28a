"""A local SMTP server for the digest benchmark, in its own process so that it does not
share the sender's interpreter: accepts every mail and writes its Message-ID as one line
to a log file (flushed per mail), so the benchmark can count what arrived.

    python benchmarks/smtp_sink.py PORT LOGFILE

Prints "ready" once it listens; stops on SIGTERM."""

from __future__ import annotations

import signal
import sys
import threading
from email.parser import BytesHeaderParser

from aiosmtpd.controller import Controller


class _Sink:
    def __init__(self, log) -> None:
        self.log = log
        self.parser = BytesHeaderParser()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        headers = self.parser.parsebytes(envelope.original_content)
        self.log.write((headers["Message-ID"] or "").strip() + "\n")
        self.log.flush()
        return "250 Message accepted"


def main() -> None:
    port, path = int(sys.argv[1]), sys.argv[2]
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with open(path, "a", encoding="utf-8") as log:
        controller = Controller(_Sink(log), hostname="127.0.0.1", port=port)
        controller.start()
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        stop.wait()
        controller.stop()


if __name__ == "__main__":
    main()
