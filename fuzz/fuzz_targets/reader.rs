//! The document reader: any bytes as a text file and as a JSON line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kutip::fuzzing::reader(data);
});
