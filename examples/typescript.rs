//! Prints the TypeScript declarations generated from the Rust types (`make pkg` writes them
//! into the npm package): `cargo run --example typescript --features typescript`.

fn main() {
    print!("{}", hookproof::typescript_declarations());
}
