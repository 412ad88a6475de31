//! One integration-test binary for the workspace (faster to link than one per file).

mod golden;
mod pathological;
mod props;
