// expect: none
package com.acme.shop;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

public class CartPricing {
    private final ProductRepository productRepository;

    public CartPricing(ProductRepository productRepository) {
        this.productRepository = productRepository;
    }

    public List<CartLine> price(List<CartItem> items) {
        List<Long> ids = items.stream().map(CartItem::productId).toList();
        Map<Long, Product> products = productRepository.findAllById(ids).stream()
            .collect(Collectors.toMap(Product::getId, Function.identity()));
        return items.stream().map(item -> new CartLine(products.get(item.productId()), item.quantity())).toList();
    }
}
