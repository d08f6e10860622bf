//! One module per subcommand, each with its own arguments and `run`.

pub mod extract;
pub mod gazetteer;
pub mod map;
pub mod merge;
pub mod report;
pub mod shared;
