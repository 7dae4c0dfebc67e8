// expect: none
package com.acme.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public class SafeOrderDao {
    private static final String BY_CUSTOMER = "SELECT * FROM orders " + "WHERE customer_id = ?";
    private final Connection connection;

    public SafeOrderDao(Connection connection) {
        this.connection = connection;
    }

    public ResultSet findByCustomer(String customerId) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(BY_CUSTOMER);
        ps.setString(1, customerId);
        return ps.executeQuery();
    }
}
