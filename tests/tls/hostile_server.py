#!/usr/bin/python3
"""A scripted, misbehaving TLS server for the tests of `petrel s_client` and `petrel get`
(tests/tls/hostile.sh): it plays on raw sockets what real servers will not.

    hostile_server.py PORTFILE LIFETIME [--upstream PORT] SCENARIO...

Listens on 127.0.0.1, one free port per SCENARIO, and writes "SCENARIO PORT" lines to PORTFILE
(complete once the file ends with a line "ready"). Every connection to a scenario's port gets
that scenario; the process exits by itself after LIFETIME seconds whatever happens. Only the
standard library; only the loopback address.

Raw scenarios (no TLS server behind):
  silent         reads the ClientHello and never answers (the client's -timeout must fire)
  close          reads the ClientHello and closes the connection
  garbage        answers with an HTTP error page (a plain-HTTP port taken for HTTPS)
  sslv2          answers with an SSLv2-style ServerHello (two-byte header with the top bit set)
  huge_record    answers with a handshake record header announcing 65535 bytes, then data
  alert          answers with a fatal handshake_failure alert record
  drip           sends a valid record header, then one byte every 0.4 s (slower than the data,
                 faster than any per-wait timeout: a bound on the whole exchange must stop it)

Relay scenarios, in front of a real TLS server on 127.0.0.1:UPSTREAM (openssl s_server). The
relay parses the server's records:
  split1         re-sends every server handshake record as 1-byte records (until the server's
                 ChangeCipherSpec): a handshake message spread over hundreds of records; must
                 work (the counts go to stderr)
  cut_handshake  forwards the server's first record (ServerHello) and closes both sides
  alert_mid      forwards the first record, then sends a fatal unexpected_message alert and closes
  ccs_early      sends a ChangeCipherSpec record before the server's first record
  hello_twice    sends the server's first record twice (a second ServerHello, unexpected)
  cut_body       forwards the handshake and two application-data records, then closes both
                 sides without close_notify (a body cut in the middle)
  stall_body     forwards the handshake and one application-data record, then stops sending
                 (the client's -timeout must fire in the middle of the body)
"""

import os
import select
import socket
import struct
import sys
import threading
import time

RAW = {"silent", "close", "garbage", "sslv2", "huge_record", "alert", "drip"}
RELAY = {"split1", "cut_handshake", "alert_mid", "ccs_early", "hello_twice", "cut_body",
         "stall_body"}

CT_CCS, CT_ALERT, CT_HANDSHAKE, CT_APPDATA = 20, 21, 22, 23

DEADLINE = 0.0


def remaining():
    return max(0.0, DEADLINE - time.monotonic())


def recv_some(sock, timeout):
    """Whatever the peer sends within timeout seconds; b"" at its end or on a timeout."""
    r, _, _ = select.select([sock], [], [], min(timeout, remaining()))
    if not r:
        return None
    try:
        return sock.recv(65536)
    except OSError:
        return b""


def read_client_hello(sock):
    """Reads until a whole first record arrived (or 5 s passed)."""
    buf = b""
    end = time.monotonic() + 5
    while time.monotonic() < end:
        d = recv_some(sock, end - time.monotonic())
        if not d:
            break
        buf += d
        if len(buf) >= 5 and len(buf) >= 5 + struct.unpack(">H", buf[3:5])[0]:
            break
    return buf


def hold(sock):
    """Keeps the connection open, reading and dropping, until the peer leaves or time is up."""
    while remaining() > 0:
        d = recv_some(sock, 0.5)
        if d == b"":
            return


def record(ctype, body, version=b"\x03\x03"):
    return bytes([ctype]) + version + struct.pack(">H", len(body)) + body


def raw_scenario(name, sock):
    read_client_hello(sock)
    if name == "silent":
        hold(sock)
    elif name == "close":
        pass
    elif name == "garbage":
        sock.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n"
                     b"Content-Length: 48\r\n\r\n<html><body>plain HTTP, not TLS</body></html>\r\n")
        hold(sock)
    elif name == "sslv2":
        # SSL 2.0 SERVER-HELLO (msg 4), session-id-hit 0, certificate type 1, version 0x0002.
        body = b"\x04\x00\x01\x00\x02\x00\x10\x00\x03\x00\x10" + b"\x00" * 16 + b"\x01\x00\x80" \
            + b"\x00" * 16
        sock.sendall(struct.pack(">H", 0x8000 | len(body)) + body)
        hold(sock)
    elif name == "huge_record":
        sock.sendall(b"\x16\x03\x03\xff\xff" + b"\x02" * 4096)
        hold(sock)
    elif name == "alert":
        sock.sendall(record(CT_ALERT, b"\x02\x28"))  # fatal handshake_failure
        hold(sock)
    elif name == "drip":
        data = b"\x16\x03\x03\x00\x40" + b"\x02\x00\x00\x3c\x03\x03" + b"\x11" * 58
        for i in range(len(data)):
            if remaining() <= 0:
                break
            try:
                sock.sendall(data[i:i + 1])
            except OSError:
                return
            d = recv_some(sock, 0.4)
            if d == b"":
                return
        hold(sock)


class Records:
    """Splits a byte stream into TLS records (type, version, body)."""

    def __init__(self):
        self.buf = b""

    def feed(self, data):
        self.buf += data
        out = []
        while len(self.buf) >= 5:
            n = struct.unpack(">H", self.buf[3:5])[0]
            if len(self.buf) < 5 + n:
                break
            out.append((self.buf[0], self.buf[1:3], self.buf[5:5 + n]))
            self.buf = self.buf[5 + n:]
        return out


def relay_scenario(name, client, upstream_port):
    try:
        server = socket.create_connection(("127.0.0.1", upstream_port), timeout=5)
    except OSError as e:
        sys.stderr.write("hostile_server: upstream: %s\n" % e)
        return
    server.settimeout(None)
    recs = Records()
    first_done = False   # the server's first record was handled
    ccs_seen = False     # the server's ChangeCipherSpec went by
    appdata = 0
    stalled = False
    split = [0, 0]       # split1: handshake records re-sent, and the 1-byte records made
    try:
        while remaining() > 0:
            r, _, _ = select.select([client, server], [], [], min(0.5, remaining()))
            if client in r:
                d = client.recv(65536)
                if not d:
                    return
                if not stalled:
                    server.sendall(d)
            if server not in r:
                continue
            d = server.recv(65536)
            if not d:
                return
            if stalled:
                continue
            for ctype, ver, body in recs.feed(d):
                if ctype == CT_CCS:
                    ccs_seen = True
                if name == "split1" and ctype == CT_HANDSHAKE and not ccs_seen:
                    client.sendall(b"".join(record(ctype, body[i:i + 1], ver)
                                            for i in range(len(body))))
                    split[0] += 1
                    split[1] += len(body)
                    continue
                if not first_done:
                    first_done = True
                    if name == "ccs_early":
                        client.sendall(record(CT_CCS, b"\x01", ver))
                    client.sendall(record(ctype, body, ver))
                    if name == "hello_twice":
                        client.sendall(record(ctype, body, ver))
                    if name == "cut_handshake":
                        return
                    if name == "alert_mid":
                        client.sendall(record(CT_ALERT, b"\x02\x0a", ver))  # unexpected_message
                        return
                    continue
                if ctype == CT_APPDATA:
                    appdata += 1
                    if name == "cut_body" and appdata > 2:
                        return
                    if name == "stall_body" and appdata > 1:
                        stalled = True
                        break
                client.sendall(record(ctype, body, ver))
    except OSError:
        pass
    finally:
        if name == "split1":
            sys.stderr.write("split1: %d server handshake records re-sent as %d 1-byte records\n"
                             % (split[0], split[1]))
            sys.stderr.flush()
        for s in (client, server):
            try:
                s.close()
            except OSError:
                pass


def serve(name, listener, upstream_port):
    listener.settimeout(0.5)
    while remaining() > 0:
        try:
            conn, _ = listener.accept()
        except socket.timeout:
            continue
        except OSError:
            return
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def run(c=conn):
            try:
                if name in RAW:
                    raw_scenario(name, c)
                else:
                    relay_scenario(name, c, upstream_port)
            except OSError:
                pass
            finally:
                try:
                    c.close()
                except OSError:
                    pass
        threading.Thread(target=run, daemon=True).start()


def main(argv):
    global DEADLINE
    if len(argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    portfile, lifetime = argv[1], float(argv[2])
    args = argv[3:]
    upstream = None
    if args[:1] == ["--upstream"]:
        upstream = int(args[1])
        args = args[2:]
    for name in args:
        if name not in RAW and name not in RELAY:
            sys.stderr.write("hostile_server: unknown scenario %s\n" % name)
            return 2
        if name in RELAY and upstream is None:
            sys.stderr.write("hostile_server: %s needs --upstream PORT\n" % name)
            return 2
    DEADLINE = time.monotonic() + lifetime
    lines = []
    threads = []
    for name in args:
        ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind(("127.0.0.1", 0))
        ls.listen(8)
        lines.append("%s %d\n" % (name, ls.getsockname()[1]))
        t = threading.Thread(target=serve, args=(name, ls, upstream), daemon=True)
        threads.append(t)
    tmp = portfile + ".tmp"
    with open(tmp, "w") as f:
        f.writelines(lines)
        f.write("ready\n")
    os.rename(tmp, portfile)
    for t in threads:
        t.start()
    while remaining() > 0:
        time.sleep(0.2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
