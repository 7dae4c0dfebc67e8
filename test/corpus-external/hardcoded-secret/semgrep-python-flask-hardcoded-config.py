# source: semgrep/semgrep-rules@157ae4706d7f:python/flask/security/audit/hardcoded-config.py licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
# expect: hardcoded-secret@11, hardcoded-secret@12
import os
import flask
app = flask.Flask(__name__)

app.config["TESTING"] = True
app.config["TESTING"] = False
app.config.update(TESTING=True)

app.config.update(SECRET_KEY="aaaa")
app.config["SECRET_KEY"] = '_5#y2L"F4Q8z\n\xec]/'

app.config["ENV"] = "development"
app.config["ENV"] = "production"

app.config["DEBUG"] = True
app.config["DEBUG"] = False

app.config["TESTING"] = os.getenv("TESTING")
app.config["TESTING"] = "aa"

app.config.update(SECRET_KEY=os.getenv("SECRET_KEY"))
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"])

app.config["ENV"] = os.environ["development"]

app.config["DEBUG"] = os.environ["DEBUG"] or True
app.config["DEBUG"] = os.environ["DEBUG"] or False
