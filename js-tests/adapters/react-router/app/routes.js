import { route } from "@react-router/dev/routes";

export default ["sir", "sir-small", "sir-flaky", "g2sentry", "gengo", "challenge", "parsed", "events", "reports"].map((path) => route(path, `routes/${path}.js`));
