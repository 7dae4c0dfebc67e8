// expect: cors-any-origin-with-credentials@15
package server

import (
	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

func New() *gin.Engine {
	r := gin.Default()
	r.Use(cors.New(cors.Config{
		AllowOrigins:     []string{"https://app.acme.com"},
		AllowCredentials: true,
	}))
	r.Use(cors.New(cors.Config{AllowAllOrigins: true}))
	return r
}
