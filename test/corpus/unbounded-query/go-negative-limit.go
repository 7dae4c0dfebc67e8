// expect: none
package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type OrderHandler struct {
	db *gorm.DB
}

func (h *OrderHandler) List(c *gin.Context) {
	var orders []Order
	if err := h.db.Order("created_at desc").Limit(50).Find(&orders).Error; err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	var order Order
	h.db.Find(&order, c.Param("id"))
	c.JSON(http.StatusOK, gin.H{"orders": orders, "order": order})
}
