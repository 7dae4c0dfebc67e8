# expect: eval-or-shell-injection@16, weak-randomness-for-secrets@17, http-client-without-timeout@18
import logging
import random
import subprocess

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.post("/reports")
def create_report():
    name = request.json["name"]
    subprocess.run(f"./bin/render-report {name}", shell=True, check=True)
    report_id = random.randint(100000, 999999)
    requests.post("https://hooks.example.com/reports", json={"id": report_id})
    return jsonify({"id": report_id}), 201


@app.get("/reports/<int:report_id>")
def get_report(report_id):
    log.info("report %s requested by %s", report_id, request.remote_addr)
    return jsonify({"id": report_id})
