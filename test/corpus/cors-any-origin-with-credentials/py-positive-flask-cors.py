# expect: cors-any-origin-with-credentials@6
from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
CORS(app, supports_credentials=True)


@app.get("/api/me")
def me():
    return {"ok": True}
