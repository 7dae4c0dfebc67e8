// source: github/codeql@04ac46618962:go/ql/test/query-tests/Security/CWE-312/passwords.go licence: MIT
// expect: sensitive-data-in-logs@11, sensitive-data-in-logs@27, sensitive-data-in-logs@28, sensitive-data-in-logs@29, sensitive-data-in-logs@30, sensitive-data-in-logs@34, sensitive-data-in-logs@36, sensitive-data-in-logs@41, sensitive-data-in-logs@46, sensitive-data-in-logs@49, sensitive-data-in-logs@50, sensitive-data-in-logs@53, sensitive-data-in-logs@90, sensitive-data-in-logs@93, sensitive-data-in-logs@103, sensitive-data-in-logs@109, sensitive-data-in-logs@114, sensitive-data-in-logs@118, sensitive-data-in-logs@127, sensitive-data-in-logs@128, sensitive-data-in-logs@129
package main

import (
	"log"
	"os"
)

func myLog(x string) {
	log.Println(x)
}

func redact(kind, value string) string {
	if value != "" && kind == "password" {
		return "********"
	}
	return value
}

func test() {
	name := "user"
	password := "P@ssw0rd"
	x := "horsebatterystapleincorrect"
	var o passStruct

	log.Println(password)
	log.Println(o.password)
	log.Println(getPassword())
	log.Println(o.getPassword())

	myLog(password)

	log.Panic(password)

	log.Println(name + ", " + password)

	obj1 := passStruct{
		password: x,
	}
	log.Println(obj1)

	obj2 := xStruct{
		x: password,
	}
	log.Println(obj2)

	var obj3 xStruct
	log.Println(obj3)
	obj3.x = password

	fixed_password := "cowbatterystaplecorrect"
	log.Println(fixed_password)

	log.Println(IncorrectPasswordError)

	var obj hashedStruct
	log.Println(obj.hashed_password)
	var login encryptedStruct
	log.Println(login.encryptedPassword)
	var HTML5QQ encodedStruct
	log.Println(HTML5QQ.encodedPassword)

	pw := "arstneioarstneio"
	log.Println(passStruct{password: crypt(pw)})
	actually_secure_password := crypt(password)
	log.Println(actually_secure_password)

	var user1 cryptedStruct
	user1.cryptedPassword = x
	log.Println(user1)

	var user2 passStruct
	user2.password = hash()
	log.Println(user2)

	actually_ok_password_1 := hash()
	log.Println(actually_ok_password_1)
	hashed2 := actually_ok_password_2()
	log.Println(hashed2)

	passwordMD5 := "0d599f0ec05c3bda8c3b8a68c32a1b47"
	log.Println(passwordMD5)
	password_sha := "5e03aad954f62810c0fdf16cb0dfba86bda486a53912fb7c894f96eaf8008aee"
	log.Println(password_sha)

	utilityObject := passSetStruct{
		passwordSet: make(map[string]bool),
	}
	log.Println(utilityObject)

	secret := password
	log.Printf("pw: %s", secret)

	log.Println("Password is: " + redact("password", password))

	var t testable
	var y int

	if t.test(y) {
		f()
		// ...
		log.Println("Password is: " + password)
		// ...
	}

	if t.test(y) {
		if f() {
			log.Println("Password is: " + password)
		}
	}

	if os.Getenv("APP_ENV") != "production" {
		log.Println("Password is: " + password)
	}

	var password1 stringable = stringable{"arstneio"}
	log.Println(name + ", " + password1.String())

	config := Config{
		password: x,
		hostname: "tarski",
		x:        password,
		y:        getPassword(),
	}
	log.Println(config.hostname)
	log.Println(config)
	log.Println(config.x)
	log.Println(config.y)

	obj4 := xStruct{
		x: "aaaaa",
	}
	log.Println(obj4)
}

const password = "horsebatterystaplecorrect"

func test2() {
	log.Println(password)
}
