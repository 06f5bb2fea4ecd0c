#!/usr/bin/env python3
"""Writes the JSONL corpus of scripts/bench-validate-vs-peer.sh.

N exchanges, alternately a create-volume (POST /v2.1/{project_id}/cloudvolumes, 202) and a
show-volume (GET /v2/{project_id}/cloudvolumes/{volume_id}, 200), with X-Auth-Token headers and
bodies like the EVS documentation's own examples (the show body is the doc's example of §6.1.5,
from golden/huawei-evs/ShowVolume/example-response-200-1.json); every exchange gets its own
volume id, name and size, so no two lines are the same.

Usage: make_validate_corpus.py REPOSITORY_ROOT OUTPUT.jsonl [EXCHANGES]
"""
import json
import sys
import uuid

PROJECT = "0a6fbea3a5b74ccba9e8f3a0a8b0fce5"
HOST = "https://evs.ap-southeast-1.myhuaweicloud.com"


def main():
    root, output = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
    with open(f"{root}/golden/huawei-evs/ShowVolume/example-response-200-1.json", encoding="utf-8") as handle:
        show = json.load(handle)
    headers = {"X-Auth-Token": "MIIbenchmarktoken", "Content-Type": "application/json"}
    with open(output, "w", encoding="utf-8") as out:
        for index in range(count):
            volume = str(uuid.UUID(int=(0x6D61F3E94B2C4A8B9E8F2F3C1B0D0000 + index)))
            if index % 2 == 0:
                body = {
                    "volume": {
                        "availability_zone": "ap-southeast-1a",
                        "size": 10 + index % 100,
                        "name": f"EVS-Test-{index}",
                        "volume_type": "SAS",
                        "metadata": {"hw:passthrough": "true"},
                        "multiattach": True,
                        "enterprise_project_id": "0",
                    },
                    "OS-SCH-HNT:schedule_r_hints": {"dedicated_storage_id": "1b6198f2-20a6-5dcc-aa21-58c1af5dc488"},
                }
                answer = {"job_id": str(uuid.UUID(int=index + 1)), "volume_ids": [volume]}
                exchange = {
                    "request": {"method": "POST", "url": f"{HOST}/v2.1/{PROJECT}/cloudvolumes", "headers": headers,
                                "body": json.dumps(body, ensure_ascii=False)},
                    "response": {"status": 202, "headers": {"Content-Type": "application/json"},
                                 "body": json.dumps(answer)},
                }
            else:
                previous = str(uuid.UUID(int=(0x6D61F3E94B2C4A8B9E8F2F3C1B0D0000 + index - 1)))
                shown = dict(show)
                shown["volume"] = dict(show["volume"], id=previous, name=f"EVS-Test-{index - 1}")
                exchange = {
                    "request": {"method": "GET", "url": f"{HOST}/v2/{PROJECT}/cloudvolumes/{previous}",
                                "headers": {"X-Auth-Token": "MIIbenchmarktoken"}},
                    "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                                 "body": json.dumps(shown, ensure_ascii=False)},
                }
            out.write(json.dumps(exchange, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
