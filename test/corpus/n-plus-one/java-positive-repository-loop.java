// expect: n-plus-one@19
package com.acme.shop;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class CartService {
    private final ProductRepository productRepository;

    public CartService(ProductRepository productRepository) {
        this.productRepository = productRepository;
    }

    public List<CartLine> price(List<CartItem> items) {
        List<CartLine> lines = new ArrayList<>();
        for (CartItem item : items) {
            Product product = productRepository.findById(item.productId()).orElseThrow();
            lines.add(new CartLine(product, item.quantity()));
        }
        return lines;
    }
}
