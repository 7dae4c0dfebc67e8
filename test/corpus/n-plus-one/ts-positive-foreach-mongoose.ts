// expect: n-plus-one@9
import { Order } from "../models/order.js";
import { Customer } from "../models/customer.js";

export async function attachCustomers(orderIds: string[]) {
  const orders = await Order.find({ _id: { $in: orderIds } }).lean();
  const result: unknown[] = [];
  for (let i = 0; i < orders.length; i++) {
    const customer = await Customer.findById(orders[i].customerId).lean();
    result.push({ ...orders[i], customer });
  }
  return result;
}
