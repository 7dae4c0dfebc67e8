// expect: sql-string-building@24, weak-randomness-for-secrets@29, sensitive-data-in-logs@30
package com.acme.admin;

import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/admin")
public class AdminController {
    private static final Logger log = LoggerFactory.getLogger(AdminController.class);
    private final JdbcTemplate jdbcTemplate;
    private final Random random = new Random();

    public AdminController(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @GetMapping("/users")
    public List<String> search(@RequestParam String q) {
        return jdbcTemplate.queryForList("SELECT email FROM users WHERE email LIKE '%" + q + "%'", String.class);
    }

    @PostMapping("/users/{id}/reset")
    public String reset(@PathVariable long id) {
        String resetToken = Long.toHexString(random.nextLong());
        log.info("reset token {} issued for user {}", resetToken, id);
        return resetToken;
    }
}
