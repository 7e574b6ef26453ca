"""The reader's IP address, the one function every limit, stored network and log line uses.

Behind Varnish or nginx every request comes from the proxy. `X-Forwarded-For` names the
client, but anyone can send that header, so it is believed only from `TRUSTED_PROXIES`
(addresses or CIDR networks): walking the header from the right (each proxy appends the
peer it saw), the client is the first address that is not itself a trusted proxy.
"""

import functools
import ipaddress

from django.conf import settings


@functools.lru_cache(maxsize=8)
def _networks(entries):
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ValueError(f"TRUSTED_PROXIES: {entry!r} is not an address or network") from error
    return tuple(networks)


def trusted_networks():
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))


def _parse(value):
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 203.0.113.7:5000
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _is_trusted(address, networks):
    return any(address.version == net.version and address in net for net in networks)


def client_ip(request):
    """The client's address as a string ("" when unknown)."""
    remote = _parse(request.META.get("REMOTE_ADDR"))
    if remote is None:
        return ""
    networks = trusted_networks()
    if not networks or not _is_trusted(remote, networks):
        return str(remote)
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    client = remote
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:  # garbage from beyond our proxies: the last good hop is the client
            break
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)


def network(value):
    """The network only, as comments store it: /24 for IPv4, /48 for IPv6; "" if unparsable."""
    try:
        address = ipaddress.ip_address((value or "").strip())
    except ValueError:
        return ""
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address)
