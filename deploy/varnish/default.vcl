# Varnish 7 (Debian `varnish`) in front of the site: caches what the site marks public
# (Cache-Control s-maxage, Vary: Cookie), passes staff and readers with a session, and forgets
# pages when Wagtail purges them (settings FRONTEND_CACHE_URL=http://127.0.0.1:6081).
#
#   PURGE /some/path/?any   forgets every cached variant of /some/path/ (any query, language):
#                           the page itself (no query, both schemes, every language) by a SOFT
#                           purge, the query variants (?page=2, ?utm_...) by a ban
#   PURGE /*                forgets everything (sent by caching.page_cache.purge_all)
#   PURGE /*listings        forgets every response marked `X-Front-Group: listings` (feeds,
#                           API, sitemap, search...; sent with every purge, front_cache.py)
#
# Varnish listens on 127.0.0.1 only (systemd/varnish.service.d/kontum.conf): readers come
# through nginx, which says the scheme in X-Forwarded-Proto; the scheme is part of the cache
# key, so a plain-HTTP answer (a redirect) is never served to an https reader or back.
#
# The backends are the gunicorn nodes that serve the site (README "Production"): add two
# `backend` lines (node1, node1_unprobed) and two `add_backend()` lines per node. A node whose
# /healthz/ answers 503 (its database is gone) is taken out of the rotation until it answers
# again; a node that is only busy is not (see the probe), and when no node is healthy a miss
# still goes to a node rather than being answered 503 by Varnish (see vcl_backend_fetch).
#
# No stampede (issue 26): a purged page is not thrown away but made stale (vmod purge's soft
# purge: TTL 0, grace PURGE_GRACE). The next reader triggers ONE background fetch from the
# origin and every reader meanwhile gets the stale copy at once (200, X-Cache: HIT); the new
# page replaces it as soon as that one render is done. So a publication is visible after one
# origin render, and never later than PURGE_GRACE (5 s): past it the stale copy is not served,
# the next reader fetches and the others wait for that same fetch (Varnish's request
# coalescing), still one origin request. Pages that simply expire get the same treatment
# (beresp.grace below). tests/caching/test_varnish_front.py counts the origin requests.
#
# The staff node (kontum-staff@.service, docs/operations.md "The staff node"): the admin
# (/admin/: its pages, previews, choosers, the moderation queue and its actions) goes to a
# gunicorn pool of its own while that node is healthy, so a moderator's request never waits
# behind readers' cache misses in the readers' nodes' queues. Readers never reach it. When it
# is sick or down, the admin goes to the readers' nodes as before; a request sent to it just
# as it went down (a refused connection) is retried there at once (vcl_backend_error): the
# staff node being down never costs the staff a 503.
#
# Client addresses: Varnish appends the client's address to X-Forwarded-For before vcl_recv;
# the site believes that header only from TRUSTED_PROXIES (set it to this Varnish's address).
vcl 4.1;

import directors;
import purge;
import std;

# The probe asks as nginx does (https, the site's name): with SECURE_SSL_REDIRECT on, a plain
# HTTP probe would get a 301 and every node would be sick. Sending X-Forwarded-Proto is safe
# because the nodes listen on 127.0.0.1 only (kontum-web@.service): only this Varnish and
# nginx reach them. Host must be one of ALLOWED_HOSTS (set yours).
# Timing: a node is taken out after 2 failed probes of the last 3 (1 s apart) and back in
# after 2 good ones: a node whose database is gone answers 503 at once, so it is out within
# about 2 s, and the site serves again within about 3 s of the database's return
# (tests/operations/test_stack.py measures both).
# Busy is not dead (issue 26): under readers' load every gunicorn thread of a node is taken
# and the probe's request waits in the same queue as the readers'. With 2 s to answer, a
# saturated but working node was marked sick and, as the only node, every miss got Varnish's
# 503 while the node was serving. The probe now waits up to 10 s (Varnish sends the next probe
# only when the last one is done, so a slow answer just delays the verdict): only a node that
# cannot answer within 10 s is taken out (a hung node: gunicorn's --timeout 30 restarts its
# workers). tests/operations/test_saturated_node.py saturates a node and checks it.
probe healthz {
    .request =
        "GET /healthz/ HTTP/1.1"
        "Host: kontumtv.vn"
        "X-Forwarded-Proto: https"
        "User-Agent: Varnish health probe"
        "Connection: close";
    .interval = 1s;
    .timeout = 10s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

# BEGIN backends
backend node1 {
    .host = "127.0.0.1";
    .port = "8000";
    .first_byte_timeout = 30s;
    .probe = healthz;
}
# The same node without the probe: used only when every node is sick (vcl_backend_fetch).
backend node1_unprobed {
    .host = "127.0.0.1";
    .port = "8000";
    .first_byte_timeout = 30s;
}
# END backends

# BEGIN staff
# The staff node: only /admin/ (vcl_recv); one node, no unprobed twin (the readers' nodes are
# the admin's fallback).
backend staff {
    .host = "127.0.0.1";
    .port = "8100";
    .first_byte_timeout = 30s;
    .probe = healthz;
}
# END staff

sub vcl_init {
    new nodes = directors.round_robin();
    new every_node = directors.round_robin();
    # BEGIN nodes
    nodes.add_backend(node1);
    every_node.add_backend(node1_unprobed);
    # END nodes
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = nodes.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.url == "/*") {
            ban("obj.http.x-url-path ~ ^/");
        } else if (req.url == "/*listings") {
            ban("obj.http.X-Front-Group == listings");
        } else {
            set req.url = regsub(req.url, "\?.*$", "");
            if (req.restarts == 0) {
                # The query variants, and copies under another Host than the purge names (an
                # alias the soft purge's hash cannot reach): banned (only obj.* in the
                # expressions: lurker-friendly).
                ban("obj.http.x-url-path == " + req.url + " && obj.http.x-url != " + req.url);
                ban("obj.http.x-url-path == " + req.url + " && obj.http.x-host != " + req.http.host);
                set req.http.X-Forwarded-Proto = "https";
            }
            # The page itself: soft purge in vcl_hit/vcl_miss, https then http (a restart).
            return (hash);
        }
        return (synth(200, "Purged"));
    }
    if (req.http.X-Forwarded-Proto != "https") {
        set req.http.X-Forwarded-Proto = "http";
    }
    # The admin to the staff node while it is healthy (see the top), else to the readers'.
    if (req.url ~ "^/admin/" && std.healthy(staff)) {
        set req.backend_hint = staff;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|csrf-token|i18n|documents|healthz)/") {
        return (pass);
    }
    # Staff and readers with a session or pending messages see their own pages.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # No cookie changes a public page (the edition is in the address: /en/, /bdq/…):
    # drop them all (csrftoken, an old language cookie...).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    # The scheme too (then the built-in URL + Host): http and https answers never mix.
    hash_data(req.http.X-Forwarded-Proto);
}

# A soft purge (see the top): TTL 0, kept in grace PURGE_GRACE = 5 s for the one refresh.
sub soft_purge {
    purge.soft(0s, 5s);
    if (req.http.X-Forwarded-Proto == "https") {
        set req.http.X-Forwarded-Proto = "http";
        return (restart);
    }
    return (synth(200, "Purged"));
}

sub vcl_hit {
    if (req.method == "PURGE") {
        call soft_purge;
    }
}

sub vcl_miss {
    if (req.method == "PURGE") {
        call soft_purge;
    }
}

# No healthy node at all (the only node saturated past the probe's 10 s, or the database gone
# for every node): rather than Varnish's own 503 for every miss, ask the nodes anyway. A busy
# node answers when it can (its readers wait for it, as they would for a healthy one); a node
# whose database is gone answers the site's own 503 at once (Retry-After, a page in the
# reader's language); a node that is down refuses the connection, and Varnish answers 503 as
# before. While any node is healthy, the sick ones get nothing (the probe's purpose). Pages in
# the cache and in grace are served without a backend either way.
#
# The staff node gone sick since vcl_recv, or its fetch failed (a retry, below): the readers'
# nodes answer the admin.
sub vcl_backend_fetch {
    if (bereq.backend == staff && (bereq.retries > 0 || !std.healthy(staff))) {
        set bereq.backend = nodes.backend();
    }
    # A new connection for each admin request (a loopback connect): a kept-alive one to a
    # staff node that has just died would take a POST's body before failing, and Varnish does
    # not send a body twice (a 503); a new one is refused before anything is sent, and the
    # retry below is safe.
    if (bereq.backend == staff) {
        set bereq.http.Connection = "close";
    }
    if (!std.healthy(bereq.backend)) {
        set bereq.backend = every_node.backend();
    }
}

# The staff node down before its probe says so (stopped, restarting: the connection is
# refused): once more on the readers' nodes rather than a 503. Varnish retries a request
# with a body (an admin POST) only if the body was not sent yet (a refused connection), so
# a form the staff node received is never submitted twice.
sub vcl_backend_error {
    if (bereq.backend == staff && bereq.retries == 0) {
        return (retry);
    }
}

sub vcl_backend_response {
    # Remembered for path bans (lurker-friendly: only obj.* in the ban expression).
    set beresp.http.x-url-path = regsub(bereq.url, "\?.*$", "");
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "private|no-cache|no-store") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 30s;
}

sub vcl_deliver {
    unset resp.http.x-url-path;
    unset resp.http.x-url;
    unset resp.http.x-host;
    unset resp.http.X-Front-Group;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
