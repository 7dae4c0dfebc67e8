// source: semgrep/semgrep-rules@157ae4706d7f:javascript/jose/security/jwt-hardcode.js#L1-L95 licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: hardcoded-secret@9, hardcoded-secret@16, hardcoded-secret@23, hardcoded-secret@30, hardcoded-secret@37, hardcoded-secret@44, hardcoded-secret@52, hardcoded-secret@60, hardcoded-secret@68, hardcoded-secret@76, hardcoded-secret@84
const config = require('./config')

function example1() {
  const jose = require('jose')
  const { JWT } = jose
  const payload = {foo: 'bar'}
  JWT.verify(payload, 'shhhhh')
}

function example2() {
  const jose = require('jose')
  const { JWT } = jose
  const payload = {foo: 'bar'}
  const token2 = JWT.sign(payload, 'shhhhh')
}

function example3() {
  const jose = require('jose')
  const { JWT } = jose
  const payload = {foo: 'bar'}
  const token3 = JWT.verify(payload, 'shhhhh')
}

function example4() {
  const jose = require('jose')
  const { JWK, JWT } = jose
  const payload = {foo: 'bar'}
  JWT.verify(payload, JWK.asKey('raz-dva-tri'))
}

function example5() {
  const jose = require('jose')
  const { JWK, JWT } = jose
  const payload = {foo: 'bar'}
  const token5 = JWT.sign(payload, JWK.asKey('raz-dva-tri'))
}

function example6() {
  const jose = require('jose')
  const { JWK, JWT } = jose
  const payload = {foo: 'bar'}
  const token6 = JWT.verify(payload, JWK.asKey('raz-dva-tri'))
}

function example7() {
  const jose = require('jose')
  const { JWK, JWT } = jose
  const payload = {foo: 'bar'}
  const key7 = JWK.asKey('raz-dva-tri')
  JWT.verify(payload, key7)
}

function example8() {
  const jose = require('jose')
  const { JWK, JWT } = jose
  const payload = {foo: 'bar'}
  const key8 = JWK.asKey('raz-dva-tri')
  const token8 = JWT.sign(payload, key8)
}

function example9() {
  const jose = require('jose')
  const { JWK, JWT } = jose
  const payload = {foo: 'bar'}
  const key9 = JWK.asKey('raz-dva-tri')
  const token9 = JWT.verify(payload, key9)
}

function example10() {
  const jose = require('jose')
  const { JWK, JWT } = jose
  const payload = {foo: 'bar'}
  const secret10 = 'shhhhh'
  JWT.verify(payload, secret10)
}

function example11() {
  const jose = require('jose')
  const { JWK, JWT } = jose
  const payload = {foo: 'bar'}
  const secret11 = 'shhhhh'
  const token11 = JWT.sign(payload, secret11)
}

