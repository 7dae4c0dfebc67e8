// source: semgrep/semgrep-rules@157ae4706d7f:javascript/jsonwebtoken/security/jwt-hardcode.js licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: hardcoded-secret@11, hardcoded-secret@16, hardcoded-secret@40
"use strict";

const config = require('./config')
const jsonwt = require('jsonwebtoken')

function example1() {
  const payload = {foo: 'bar'}
  const secret = 'shhhhh'
  const token1 = jsonwt.sign(payload, secret)
}

function example2() {
  const payload = {foo: 'bar'}
  const token2 = jsonwt.sign(payload, 'some-secret')
}

function example3() {
  const payload = {foo: 'bar'}
  const token3 = jsonwt.sign(payload, config.secret)
}

function example4() {
  const payload = {foo: 'bar'}
  const secret2 = config.secret
  const token4 = jsonwt.sign(payload, secret2)
}

function example5() {
  const payload = {foo: 'bar'}
  const secret3 = process.env.SECRET 
  const token5 = jsonwt.sign(payload, secret3)
}

const Promise = require("bluebird");
const secret = "hardcoded-secret"
class Authentication {
    static sign(obj){
        return jsonwt.sign(obj, secret, {});
    }
}

module.exports = Authentication;
