import { createElement } from "react";
import { Outlet } from "react-router";

export default function Root() {
  return createElement("html", null, createElement("body", null, createElement(Outlet)));
}
