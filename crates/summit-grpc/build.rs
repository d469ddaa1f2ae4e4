//! Compiles `proto/summit/v1/*.proto` with protox (pure Rust: no system `protoc`) into
//! prost messages and tonic stubs, and writes the file descriptor set that the reflection
//! service serves.

use std::path::PathBuf;

use prost::Message;

const PROTO_ROOT: &str = "../../proto";
const PROTOS: &[&str] = &["summit/v1/analyzer.proto"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let fds = protox::compile(PROTOS, [PROTO_ROOT])?;
    std::fs::write(
        out_dir.join("summit_v1_descriptor.bin"),
        fds.encode_to_vec(),
    )?;
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .emit_rerun_if_changed(false)
        .compile_fds(fds)?;
    println!("cargo:rerun-if-changed={PROTO_ROOT}");
    Ok(())
}
