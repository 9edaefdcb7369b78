// Custom fields' labels, read from their keys.

import { describe, expect, it } from "vitest";
import { fieldLabel } from "./CustomFields.js";

describe("a custom field's label", () => {
  it("reads camelCase, snake_case and kebab-case keys as words", () => {
    expect(fieldLabel("invoiceNumber")).toBe("Invoice number");
    expect(fieldLabel("order_number")).toBe("Order number");
    expect(fieldLabel("delivery-address")).toBe("Delivery address");
    expect(fieldLabel("contract")).toBe("Contract");
  });

  it("keeps acronyms in capitals", () => {
    expect(fieldLabel("VATNumber")).toBe("VAT number");
    expect(fieldLabel("customerID")).toBe("Customer ID");
  });
});
