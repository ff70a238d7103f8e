import adapter from "@sveltejs/adapter-node";

export default {
  kit: {
    adapter: adapter(),
    // SvelteKit refuses form-encoded POSTs without a matching Origin header (CSRF), and
    // providers send none: Gengo's form callbacks need this (see the README).
    csrf: { trustedOrigins: ["*"] },
  },
};
