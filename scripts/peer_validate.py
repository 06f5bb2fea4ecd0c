#!/usr/bin/env python3
"""The Python peer of `conformance validate`: orjson + jsonschema-rs + compiled-regex routing.

This is the fastest Python stack we know for the job, built the way a team would build it on
our own OpenAPI export: every operation of the export becomes a (method, compiled regex) route,
its request body and each documented response body a compiled jsonschema-rs validator; each
JSONL line is parsed with orjson, routed, its credential header checked, and its bodies
validated. It prints one line: exchanges, failing exchanges, errors, seconds.

Usage: peer_validate.py OPENAPI.json TRAFFIC.jsonl

It exists only to be measured against (scripts/bench-validate-vs-peer.sh); it is not part of the
product.
"""
import re
import sys
import time

import jsonschema_rs
import orjson


def compile_routes(document):
    """(method, regex, request validator, {status: response validator}) per operation."""
    components = document.get("components", {})
    routes = []

    def validator(schema):
        if schema is None:
            return None
        # The export's $refs point at #/components/...: give the schema the components at its root.
        root = dict(schema)
        root["components"] = components
        return jsonschema_rs.validator_for(root)

    for path, item in document["paths"].items():
        pattern = "^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(path)) + "$"
        regex = re.compile(pattern)
        for method, operation in item.items():
            if method not in ("get", "put", "post", "delete", "patch", "head"):
                continue
            body = (
                operation.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema")
            )
            responses = {}
            for status, response in operation.get("responses", {}).items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if status.isdigit() and schema is not None:
                    responses[int(status)] = validator(schema)
            routes.append((method.upper(), regex, validator(body), responses, path.count("{")))
    # Literal segments before parameters, as a router would.
    routes.sort(key=lambda route: route[4])
    return routes


def path_of(url):
    start = url.find("://")
    if start >= 0:
        slash = url.find("/", start + 3)
        url = url[slash:] if slash >= 0 else "/"
    query = url.find("?")
    return url[:query] if query >= 0 else url


def main():
    openapi, traffic = sys.argv[1], sys.argv[2]
    with open(openapi, "rb") as handle:
        routes = compile_routes(orjson.loads(handle.read()))
    exchanges = failing = errors = 0
    started = time.perf_counter()
    with open(traffic, "rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            exchange = orjson.loads(line)
            exchanges += 1
            request = exchange["request"]
            method = request["method"]
            path = path_of(request["url"])
            found = 0
            for route in routes:
                if route[0] == method and route[1].match(path):
                    found = route
                    break
            if not found:
                failing += 1
                errors += 1
                continue
            problems = 0
            headers = request.get("headers", {})
            if "X-Auth-Token" not in headers and "Authorization" not in headers:
                problems += 1
            body = request.get("body")
            if found[2] is not None and body:
                problems += sum(1 for _ in found[2].iter_errors(orjson.loads(body)))
            response = exchange.get("response")
            if response is not None:
                check = found[3].get(response["status"])
                body = response.get("body")
                if check is not None and body:
                    problems += sum(1 for _ in check.iter_errors(orjson.loads(body)))
            if problems:
                failing += 1
                errors += problems
    elapsed = time.perf_counter() - started
    print(f"{exchanges} exchanges, {failing} failing, {errors} errors, {elapsed:.3f} s")


if __name__ == "__main__":
    main()
