import { describe, expect, it } from "@jest/globals";
import { parsePatch } from "../../src/diff/parse-patch.js";
import { extractEndpoints } from "../../src/impact/extract-endpoints.js";
import { buildAddedFile, buildDeletedFile } from "./patch-helpers.js";

// Each snippet is a short excerpt in the shape of the framework's own documentation example (source
// named per case); routes and guards were added where a case needs them.
const cases = [
  {
    name: "Express routing guide (expressjs.com/en/guide/routing.html): app.get/post, router.route chain, auth middleware",
    path: "src/app.js",
    code: `const express = require('express')
const app = express()
app.get('/', (req, res) => {
  res.send('hello world')
})
app.post('/admin/users', requireAuth, (req, res) => {
  res.send('POST request to the homepage')
})
app.route('/book')
  .get((req, res) => {
    res.send('Get a random book')
  })
  .put((req, res) => {
    res.send('Update the book')
  })
axios.get('/not-a-route', config)`,
    expected: [
      ["added", "GET", "/", "Express", "not-visible", 3],
      ["added", "POST", "/admin/users", "Express", "visible", 6],
      ["added", "GET", "/book", "Express", "not-visible", 9],
      ["added", "PUT", "/book", "Express", "not-visible", 9],
    ],
  },
  {
    name: "Express Router with router-level guard (expressjs.com/en/guide/routing.html, express.Router)",
    path: "src/routes/birds.ts",
    code: `import express from 'express'
const router = express.Router()
router.use(passport.authenticate('jwt', { session: false }))
router.get('/about', (req, res) => {
  res.send('About birds')
})`,
    expected: [["added", "GET", "/about", "Express", "visible", 4]],
  },
  {
    name: "Fastify routes (fastify.dev/docs/latest/Reference/Routes): shorthand and full declaration with preHandler",
    path: "src/server.js",
    code: `const fastify = require('fastify')({ logger: true })
fastify.get('/', async (request, reply) => {
  return { hello: 'world' }
})
fastify.route({
  method: 'POST',
  url: '/orders',
  preHandler: fastify.auth([fastify.verifyJWT]),
  handler: async (request, reply) => ({ ok: true })
})`,
    expected: [
      ["added", "GET", "/", "Fastify", "not-visible", 2],
      ["added", "POST", "/orders", "Fastify", "visible", 5],
    ],
  },
  {
    name: "Koa router (github.com/koajs/router README)",
    path: "src/router.js",
    code: `const Router = require('@koa/router');
const router = new Router();
router.get('/users/:id', (ctx, next) => {
  ctx.body = 'Hello World!';
});`,
    expected: [["added", "GET", "/users/:id", "Koa", "not-visible", 3]],
  },
  {
    name: "NestJS controllers (docs.nestjs.com/controllers, cats.controller.ts) with a guard (docs.nestjs.com/guards)",
    path: "src/cats/cats.controller.ts",
    code: `import { Controller, Get, Post, Body, Param, UseGuards } from '@nestjs/common';

@Controller('cats')
export class CatsController {
  @Post()
  @UseGuards(RolesGuard)
  async create(@Body() createCatDto: CreateCatDto) {
    this.catsService.create(createCatDto);
  }

  @Get(':id')
  findOne(@Param('id') id: string): string {
    return \`This action returns a #\${id} cat\`;
  }
}`,
    expected: [
      ["added", "POST", "/cats", "NestJS", "visible", 5],
      ["added", "GET", "/cats/:id", "NestJS", "not-visible", 11],
    ],
  },
  {
    name: "FastAPI first steps and security (fastapi.tiangolo.com/tutorial/first-steps, /tutorial/security/get-current-user)",
    path: "app/main.py",
    code: `from fastapi import Depends, FastAPI

app = FastAPI()

@app.get("/")
async def root():
    return {"message": "Hello World"}

@app.get("/users/me")
async def read_users_me(current_user: User = Depends(get_current_user)):
    return current_user

@router.post("/items/", dependencies=[Depends(verify_token)])
async def create_item(item: Item):
    return item`,
    expected: [
      ["added", "GET", "/", "FastAPI", "not-visible", 5],
      ["added", "GET", "/users/me", "FastAPI", "visible", 9],
      ["added", "POST", "/items/", "FastAPI", "visible", 13],
    ],
  },
  {
    name: "Flask quickstart (flask.palletsprojects.com/en/stable/quickstart) and Flask-Login's login_required",
    path: "app/views.py",
    code: `from flask import Flask
app = Flask(__name__)

@app.route("/")
def hello_world():
    return "<p>Hello, World!</p>"

@app.route('/login', methods=['GET', 'POST'])
def login():
    return do_the_login()

@app.post('/settings')
@login_required
def settings():
    pass`,
    expected: [
      ["added", "GET", "/", "Flask", "not-visible", 4],
      ["added", "GET", "/login", "Flask", "not-visible", 8],
      ["added", "POST", "/login", "Flask", "not-visible", 8],
      ["added", "POST", "/settings", "Flask", "visible", 12],
    ],
  },
  {
    name: "Django URL dispatcher (docs.djangoproject.com/en/stable/topics/http/urls) and DRF routers",
    path: "news/urls.py",
    code: `from django.urls import path, include
from . import views

urlpatterns = [
    path("articles/2003/", views.special_case_2003),
    path("articles/<int:year>/", login_required(views.year_archive)),
    path("api/", include(router.urls)),
]
router.register(r'users', UserViewSet)`,
    expected: [
      ["added", "ANY", "/articles/2003/", "Django", "not-visible", 5],
      ["added", "ANY", "/articles/<int:year>/", "Django", "visible", 6],
      ["added", "ANY", "/users", "Django REST framework", "not-visible", 9],
    ],
  },
  {
    name: "Go net/http ServeMux patterns (pkg.go.dev/net/http#ServeMux, Go 1.22 method patterns)",
    path: "cmd/api/main.go",
    code: `package main

import "net/http"

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", getItem)
	http.Handle("/admin/", requireAuth(adminHandler))
	http.ListenAndServe(":8080", mux)
}`,
    expected: [
      ["added", "GET", "/items/{id}", "net/http", "not-visible", 7],
      ["added", "ANY", "/admin/", "net/http", "visible", 8],
    ],
  },
  {
    name: "gin README (github.com/gin-gonic/gin): routes and a BasicAuth group",
    path: "main.go",
    code: `package main

import "github.com/gin-gonic/gin"

func setupRouter() *gin.Engine {
	r := gin.Default()
	r.GET("/ping", func(c *gin.Context) {
		c.String(200, "pong")
	})
	authorized := r.Group("/admin", gin.BasicAuth(gin.Accounts{"foo": "bar"}))
	authorized.POST("/secrets", postSecrets)
	return r
}`,
    expected: [
      ["added", "GET", "/ping", "gin", "not-visible", 7],
      ["added", "POST", "/admin/secrets", "gin", "visible", 11],
    ],
  },
  {
    name: "echo guide (echo.labstack.com/docs/quick-start)",
    path: "server.go",
    code: `package main

import "github.com/labstack/echo/v4"

func main() {
	e := echo.New()
	e.POST("/users", saveUser)
	e.GET("/users/:id", getUser, echojwt.JWT([]byte("secret")))
}`,
    expected: [
      ["added", "POST", "/users", "echo", "not-visible", 7],
      ["added", "GET", "/users/:id", "echo", "visible", 8],
    ],
  },
  {
    name: "chi README (github.com/go-chi/chi)",
    path: "routes.go",
    code: `package main

import "github.com/go-chi/chi/v5"

func routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("welcome"))
	})
	r.Method("DELETE", "/articles/{id}", deleteArticle)
	return r
}`,
    expected: [
      ["added", "GET", "/", "chi", "not-visible", 7],
      ["added", "DELETE", "/articles/{id}", "chi", "not-visible", 10],
    ],
  },
  {
    name: "Spring guide 'Building a RESTful Web Service' (spring.io/guides/gs/rest-service) with a class prefix and @PreAuthorize",
    path: "src/main/java/com/example/restservice/GreetingController.java",
    code: `package com.example.restservice;

@RestController
@RequestMapping("/api")
public class GreetingController {

	@GetMapping("/greeting")
	public Greeting greeting(@RequestParam(value = "name", defaultValue = "World") String name) {
		return new Greeting(counter.incrementAndGet(), String.format(template, name));
	}

	@PreAuthorize("hasRole('ADMIN')")
	@RequestMapping(value = "/greeting/{id}", method = RequestMethod.DELETE)
	public void delete(@PathVariable long id) {
	}
}`,
    expected: [
      ["added", "GET", "/api/greeting", "Spring", "not-visible", 7],
      ["added", "DELETE", "/api/greeting/{id}", "Spring", "visible", 13],
    ],
  },
];

describe("extractEndpoints on added files", () => {
  it.each(cases)("$name", ({ path, code, expected }) => {
    const endpoints = extractEndpoints(path, buildAddedFile(code));
    expect(
      endpoints
        .map((e) => [e.change, e.method, e.route, e.framework, e.authGuard, e.line])
        .sort((a, b) => Number(a[5]) - Number(b[5]) || String(a[1]).localeCompare(String(b[1]))),
    ).toEqual(expected);
    expect(endpoints.every((e) => e.path === path)).toBe(true);
  });
});

describe("extractEndpoints on changes", () => {
  it("reports a removed route with its old line number", () => {
    const endpoints = extractEndpoints(
      "src/app.js",
      buildDeletedFile("const app = require('express')()\napp.delete('/orders/:id', removeOrder)"),
    );
    expect(endpoints).toEqual([
      {
        change: "removed",
        method: "DELETE",
        route: "/orders/:id",
        framework: "Express",
        authGuard: "not-visible",
        path: "src/app.js",
        line: 2,
      },
    ]);
  });

  it("reports a route whose handler changed (route line unchanged) as changed", () => {
    const hunks = parsePatch(
      [
        "@@ -10,4 +10,5 @@",
        " router.get('/orders/:id', async (req, res) => {",
        "-  const order = await db.find(req.params.id);",
        "+  const order = await db.find(req.params.id, { include: 'lines' });",
        "+  audit(order);",
        "   res.json(order);",
        " });",
      ].join("\n"),
    );
    expect(
      extractEndpoints("src/routes/orders.js", hunks).map((e) => [e.change, e.method, e.route, e.line]),
    ).toEqual([["changed", "GET", "/orders/:id", 10]]);
  });

  it("reports a route whose middleware changed as changed, not as added and removed", () => {
    const hunks = parsePatch(
      ["@@ -3,1 +3,1 @@", "-app.post('/pay', handler)", "+app.post('/pay', requireAuth, handler)"].join("\n"),
    );
    expect(extractEndpoints("src/app.js", hunks).map((e) => [e.change, e.route, e.authGuard])).toEqual([
      ["changed", "/pay", "visible"],
    ]);
  });

  it("ignores routes the change does not touch, and files of other languages", () => {
    const hunks = parsePatch(
      ["@@ -1,2 +1,3 @@", " app.get('/a', h)", "+const x = 1;", " app.get('/b', h)"].join("\n"),
    );
    expect(extractEndpoints("src/app.js", hunks)).toEqual([]);
    expect(extractEndpoints("README.md", buildAddedFile("app.get('/a', h)"))).toEqual([]);
  });
});
