// Server rendering on: resource routes' actions run on the server.
export default { ssr: true };
