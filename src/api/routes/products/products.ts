// Product routes: list, create, read and conditional update.

import { productStore } from "../../../store/entities.js";
import { presentProduct } from "../../presenters.js";
import { entityRoutes } from "../common/entityRoutes.js";
import { CreateProductBody, ProductListQuery, ProductSchema, UpdateProductBody } from "./schema.js";

/** Registers the product routes. */
export const productRoutes = entityRoutes({
  path: "/products",
  tag: "products",
  noun: "product",
  store: productStore,
  read: "products.read",
  write: "products.write",
  schema: ProductSchema,
  present: presentProduct,
  listQuery: ProductListQuery,
  filters: () => ({}),
  createBody: CreateProductBody,
  create: (body, { db, now }) => productStore.create(db, body, now),
  updateBody: UpdateProductBody,
  update: (id, changes, expected, { db, now }) => productStore.update(db, id, changes, now, expected),
});
