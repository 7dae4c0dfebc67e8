// expect: none
package com.acme.catalog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PagedProductController {
    private final ProductRepository productRepository;

    public PagedProductController(ProductRepository productRepository) {
        this.productRepository = productRepository;
    }

    @GetMapping("/products")
    public Page<Product> list(Pageable pageable) {
        return productRepository.findAll(pageable);
    }
}
