//! The JavaScript layer (wasm-bindgen). Filled in by the npm package work.
