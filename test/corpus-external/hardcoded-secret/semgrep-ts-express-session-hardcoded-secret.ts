// source: semgrep/semgrep-rules@157ae4706d7f:javascript/express/security/audit/express-session-hardcoded-secret.ts licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: hardcoded-secret@10, hardcoded-secret@23, hardcoded-secret@34
import express from 'express'
import session from 'express-session'
const app = express()
const port = 3000

let a = 'a'
let config = {
  secret: 'a',
  resave: false,
  saveUninitialized: false,
}

let config1 = {
  secret: config.secret,
  resave: false,
  saveUninitialized: false,
}


app.use(session({
  secret: a,
  resave: false,
  saveUninitialized: false,
}));

app.use(session(config));

app.use(session(config1));

let secret2 = {
  resave: false,
  secret: 'foo',
  saveUninitialized: false,
}
app.use(session(secret2));


app.use(session({
  secret: config.secret,
  resave: false,
  saveUninitialized: false,
}));
