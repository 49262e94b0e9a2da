//! The part of the [`wasm-opt`](https://docs.rs/wasm-opt/0.116.1) API that
//! `substrate-wasm-builder` calls, done in Rust instead of Binaryen's C++.
//!
//! The builder runs Binaryen at optimisation level 0 with two passes:
//! [`Pass::StripDwarf`] (drop `.debug_*` sections) and [`Pass::SignextLowering`]
//! (rewrite the sign-extension operators into MVP shifts, for executors that only
//! accept WebAssembly 1.0), and with [`OptimizationOptions::mvp_features_only`]
//! asks that the result use no post-MVP feature. Those are the only behaviours
//! this crate offers; everything else in the module is copied unchanged, so
//! function, local and global indices (and the `name` section that refers to
//! them) stay valid.

use std::path::Path;

use wasm_encoder::reencode::{self, Reencode};
use wasmparser::{Operator, Validator, WasmFeatures};

/// A transformation [`OptimizationOptions::run`] applies, in the order added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
	/// Remove the DWARF custom sections (`.debug_info`, `.debug_line`, ...).
	StripDwarf,
	/// Replace `i32.extend8_s`, `i32.extend16_s`, `i64.extend8_s`,
	/// `i64.extend16_s` and `i64.extend32_s` by a left shift and an arithmetic
	/// right shift, which WebAssembly 1.0 has.
	SignextLowering,
}

/// Why [`OptimizationOptions::run`] failed.
#[derive(Debug)]
pub enum OptimizationError {
	/// The input is not a valid WebAssembly module.
	ValidateWasmInput(String),
	/// The output uses a feature the options do not allow (a post-MVP feature
	/// under [`OptimizationOptions::mvp_features_only`]).
	ValidateWasmOutput(String),
	/// The input file could not be read.
	Read(std::io::Error),
	/// The output file could not be written.
	Write(std::io::Error),
	/// The input could not be re-encoded (an operator wasm-encoder cannot express).
	Reencode(String),
}

impl std::fmt::Display for OptimizationError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::ValidateWasmInput(e) => write!(f, "invalid input module: {e}"),
			Self::ValidateWasmOutput(e) => {
				write!(f, "output module uses a disallowed feature: {e}")
			}
			Self::Read(e) => write!(f, "failed to read module: {e}"),
			Self::Write(e) => write!(f, "failed to write module: {e}"),
			Self::Reencode(e) => write!(f, "failed to re-encode module: {e}"),
		}
	}
}

impl std::error::Error for OptimizationError {}

/// Options for one run, built like `wasm_opt::OptimizationOptions`.
#[derive(Clone, Debug, Default)]
pub struct OptimizationOptions {
	passes: Vec<Pass>,
	mvp_only: bool,
	/// Binaryen drops the `name` section unless debug info is kept.
	debug_info: bool,
}

impl OptimizationOptions {
	/// No optimisation: only the passes added with [`Self::add_pass`] run.
	pub fn new_opt_level_0() -> Self {
		Self::default()
	}

	/// Keep (`true`) or drop (`false`) the `name` section.
	pub fn debug_info(&mut self, value: bool) -> &mut Self {
		self.debug_info = value;
		self
	}

	/// Run `pass` after those already added.
	pub fn add_pass(&mut self, pass: Pass) -> &mut Self {
		self.passes.push(pass);
		self
	}

	/// Fail unless the output uses only WebAssembly 1.0 (MVP and mutable globals).
	pub fn mvp_features_only(&mut self) -> &mut Self {
		self.mvp_only = true;
		self
	}

	/// Read the module at `infile`, apply the passes and write it to `outfile`
	/// (which may be the same path).
	pub fn run(
		&self,
		infile: impl AsRef<Path>,
		outfile: impl AsRef<Path>,
	) -> Result<(), OptimizationError> {
		let input = std::fs::read(infile).map_err(OptimizationError::Read)?;
		let output = self.run_on_bytes(&input)?;
		std::fs::write(outfile, output).map_err(OptimizationError::Write)
	}

	/// [`Self::run`] on a module in memory.
	pub fn run_on_bytes(&self, input: &[u8]) -> Result<Vec<u8>, OptimizationError> {
		Validator::new_with_features(WasmFeatures::default())
			.validate_all(input)
			.map_err(|e| OptimizationError::ValidateWasmInput(e.to_string()))?;

		let mut rewriter = Rewriter {
			strip_dwarf: self.passes.contains(&Pass::StripDwarf),
			lower_sign_ext: self.passes.contains(&Pass::SignextLowering),
			keep_names: self.debug_info,
		};
		let mut module = wasm_encoder::Module::new();
		rewriter
			.parse_core_module(&mut module, wasmparser::Parser::new(0), input)
			.map_err(|e| OptimizationError::Reencode(e.to_string()))?;
		let output = module.finish();

		let features = if self.mvp_only { WasmFeatures::WASM1 } else { WasmFeatures::default() };
		Validator::new_with_features(features)
			.validate_all(&output)
			.map_err(|e| OptimizationError::ValidateWasmOutput(e.to_string()))?;
		Ok(output)
	}
}

/// Copies a module, leaving out what the passes remove.
struct Rewriter {
	strip_dwarf: bool,
	lower_sign_ext: bool,
	keep_names: bool,
}

impl Reencode for Rewriter {
	type Error = std::convert::Infallible;

	fn parse_custom_section(
		&mut self,
		module: &mut wasm_encoder::Module,
		section: wasmparser::CustomSectionReader<'_>,
	) -> Result<(), reencode::Error<Self::Error>> {
		let name = section.name();
		let dropped = (self.strip_dwarf && name.starts_with(".debug_"))
			|| (!self.keep_names && name == "name");
		if !dropped {
			// Copied byte for byte: no index changes, so the bytes stay right.
			module.section(&wasm_encoder::CustomSection {
				name: name.into(),
				data: section.data().into(),
			});
		}
		Ok(())
	}

	fn parse_function_body(
		&mut self,
		code: &mut wasm_encoder::CodeSection,
		func: wasmparser::FunctionBody<'_>,
	) -> Result<(), reencode::Error<Self::Error>> {
		let mut function = self.new_function_with_parsed_locals(&func)?;
		let mut operators = func.get_operators_reader()?;
		while !operators.eof() {
			let operator = operators.read()?;
			match sign_ext_as_shifts(&operator).filter(|_| self.lower_sign_ext) {
				Some(shifts) => {
					for instruction in &shifts {
						function.instruction(instruction);
					}
				}
				None => {
					function.instruction(&self.instruction(operator)?);
				}
			}
		}
		code.function(&function);
		Ok(())
	}
}

/// The MVP sequence that computes what a sign-extension operator computes:
/// shift the low `bits` to the top, then arithmetic-shift them back down.
fn sign_ext_as_shifts(operator: &Operator<'_>) -> Option<[wasm_encoder::Instruction<'static>; 4]> {
	use wasm_encoder::Instruction as I;
	let i32_shifts = |by: i32| [I::I32Const(by), I::I32Shl, I::I32Const(by), I::I32ShrS];
	let i64_shifts = |by: i64| [I::I64Const(by), I::I64Shl, I::I64Const(by), I::I64ShrS];
	match operator {
		Operator::I32Extend8S => Some(i32_shifts(24)),
		Operator::I32Extend16S => Some(i32_shifts(16)),
		Operator::I64Extend8S => Some(i64_shifts(56)),
		Operator::I64Extend16S => Some(i64_shifts(48)),
		Operator::I64Extend32S => Some(i64_shifts(32)),
		_ => None,
	}
}

#[cfg(test)]
mod tests;
