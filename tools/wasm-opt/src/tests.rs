#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use super::*;
use wasm_encoder::{
	CodeSection, CustomSection, ExportKind, ExportSection, Function, FunctionSection, Instruction,
	Module, NameMap, NameSection, TypeSection, ValType,
};

/// One sign-extension operator: its name, its operand type, the instruction, and
/// what it computes by Rust's casts. A test module has one exported
/// `fn(x) -> op(x)` per entry, in this order.
struct SignExt {
	name: &'static str,
	ty: ValType,
	instruction: Instruction<'static>,
	reference: fn(i64) -> i64,
}

const SIGN_EXT: [SignExt; 5] = [
	SignExt {
		name: "i32.extend8_s",
		ty: ValType::I32,
		instruction: Instruction::I32Extend8S,
		reference: |x| (x as i32) as i8 as i32 as i64,
	},
	SignExt {
		name: "i32.extend16_s",
		ty: ValType::I32,
		instruction: Instruction::I32Extend16S,
		reference: |x| (x as i32) as i16 as i32 as i64,
	},
	SignExt {
		name: "i64.extend8_s",
		ty: ValType::I64,
		instruction: Instruction::I64Extend8S,
		reference: |x| x as i8 as i64,
	},
	SignExt {
		name: "i64.extend16_s",
		ty: ValType::I64,
		instruction: Instruction::I64Extend16S,
		reference: |x| x as i16 as i64,
	},
	SignExt {
		name: "i64.extend32_s",
		ty: ValType::I64,
		instruction: Instruction::I64Extend32S,
		reference: |x| x as i32 as i64,
	},
];

/// A module with one exported function per sign-extension operator, a `name`
/// section, two DWARF sections and the section substrate-wasm-builder checks for.
fn module_with_sign_ext() -> Vec<u8> {
	let mut types = TypeSection::new();
	let mut functions = FunctionSection::new();
	let mut exports = ExportSection::new();
	let mut code = CodeSection::new();
	let mut names = NameMap::new();
	for (index, op) in SIGN_EXT.iter().enumerate() {
		let index = index as u32;
		types.ty().function([op.ty], [op.ty]);
		functions.function(index);
		exports.export(op.name, ExportKind::Func, index);
		let mut f = Function::new([]);
		f.instruction(&Instruction::LocalGet(0));
		f.instruction(&op.instruction);
		f.instruction(&Instruction::End);
		code.function(&f);
		names.append(index, op.name);
	}
	let mut name_section = NameSection::new();
	name_section.functions(&names);
	let mut module = Module::new();
	module
		.section(&types)
		.section(&functions)
		.section(&exports)
		.section(&code)
		.section(&CustomSection { name: "runtime_version".into(), data: [1u8, 2, 3][..].into() })
		.section(&CustomSection { name: ".debug_info".into(), data: [4u8; 8][..].into() })
		.section(&CustomSection { name: ".debug_line".into(), data: [5u8; 8][..].into() })
		.section(&name_section);
	module.finish()
}

/// The options substrate-wasm-builder uses to compact the runtime.
fn compact_options() -> OptimizationOptions {
	let mut options = OptimizationOptions::new_opt_level_0();
	options
		.mvp_features_only()
		.debug_info(true)
		.add_pass(Pass::StripDwarf)
		.add_pass(Pass::SignextLowering);
	options
}

fn custom_section_names(module: &[u8]) -> Vec<String> {
	wasmparser::Parser::new(0)
		.parse_all(module)
		.filter_map(|payload| match payload.unwrap() {
			wasmparser::Payload::CustomSection(section) => Some(section.name().to_string()),
			_ => None,
		})
		.collect()
}

fn function_bodies(module: &[u8]) -> Vec<Vec<Operator<'_>>> {
	wasmparser::Parser::new(0)
		.parse_all(module)
		.filter_map(|payload| match payload.unwrap() {
			wasmparser::Payload::CodeSectionEntry(body) => Some(
				body.get_operators_reader()
					.unwrap()
					.into_iter()
					.map(|op| op.unwrap())
					.collect::<Vec<_>>(),
			),
			_ => None,
		})
		.collect()
}

/// Runs a straight-line body of `local.get 0`, constants and shifts on `x`:
/// the only operators the lowering emits around the argument.
fn evaluate(body: &[Operator<'_>], x: i64) -> i64 {
	let mut stack: Vec<i64> = Vec::new();
	for operator in body {
		match operator {
			Operator::LocalGet { local_index: 0 } => stack.push(x),
			Operator::I32Const { value } => stack.push(*value as i64),
			Operator::I64Const { value } => stack.push(*value),
			Operator::I32Shl | Operator::I32ShrS | Operator::I64Shl | Operator::I64ShrS => {
				let by = stack.pop().unwrap();
				let value = stack.pop().unwrap();
				stack.push(match operator {
					Operator::I32Shl => (value as i32).wrapping_shl(by as u32) as i64,
					Operator::I32ShrS => (value as i32).wrapping_shr(by as u32) as i64,
					Operator::I64Shl => value.wrapping_shl(by as u32),
					_ => value.wrapping_shr(by as u32),
				});
			}
			Operator::End => break,
			other => panic!("unexpected operator after lowering: {other:?}"),
		}
	}
	assert_eq!(stack.len(), 1);
	stack[0]
}

#[test]
fn lowered_sign_extension_computes_the_same_values_without_post_mvp_operators() {
	let input = module_with_sign_ext();
	// The input really uses sign-extension: WebAssembly 1.0 rejects it.
	assert!(Validator::new_with_features(WasmFeatures::WASM1).validate_all(&input).is_err());

	let output = compact_options().run_on_bytes(&input).unwrap();
	Validator::new_with_features(WasmFeatures::WASM1).validate_all(&output).unwrap();

	let bodies = function_bodies(&output);
	assert_eq!(bodies.len(), SIGN_EXT.len());
	let samples = [
		0i64,
		1,
		-1,
		0x7f,
		0x80,
		0xff,
		0x7fff,
		0x8000,
		0xffff,
		0x7fff_ffff,
		0x8000_0000,
		0xffff_ffff,
		0x1234_5678_9abc_def0,
		i64::MIN,
		i64::MAX,
	];
	for (body, op) in bodies.iter().zip(&SIGN_EXT) {
		for x in samples {
			let x = if op.ty == ValType::I32 { x as i32 as i64 } else { x };
			assert_eq!(evaluate(body, x), (op.reference)(x), "{} of {x:#x}", op.name);
		}
	}
}

#[test]
fn strip_dwarf_drops_only_debug_sections_and_debug_info_keeps_names() {
	let input = module_with_sign_ext();
	let output = compact_options().run_on_bytes(&input).unwrap();
	assert_eq!(custom_section_names(&output), ["runtime_version", "name"]);

	let mut without_names = compact_options();
	without_names.debug_info(false);
	let output = without_names.run_on_bytes(&input).unwrap();
	assert_eq!(custom_section_names(&output), ["runtime_version"]);

	// Without StripDwarf every custom section stays.
	let mut keep_dwarf = OptimizationOptions::new_opt_level_0();
	keep_dwarf.debug_info(true).add_pass(Pass::SignextLowering);
	let output = keep_dwarf.run_on_bytes(&input).unwrap();
	assert_eq!(
		custom_section_names(&output),
		["runtime_version", ".debug_info", ".debug_line", "name"]
	);
}

#[test]
fn mvp_only_refuses_sign_extension_that_was_not_lowered() {
	let mut options = OptimizationOptions::new_opt_level_0();
	options.mvp_features_only().add_pass(Pass::StripDwarf);
	assert!(matches!(
		options.run_on_bytes(&module_with_sign_ext()),
		Err(OptimizationError::ValidateWasmOutput(_))
	));
	// Without the MVP restriction the operators are copied as they are.
	let output = OptimizationOptions::new_opt_level_0()
		.debug_info(true)
		.run_on_bytes(&module_with_sign_ext())
		.unwrap();
	assert_eq!(function_bodies(&output)[0][1], Operator::I32Extend8S);
}

#[test]
fn invalid_input_is_refused() {
	assert!(matches!(
		compact_options().run_on_bytes(b"\0asm\x01\0\0\0\x0a"),
		Err(OptimizationError::ValidateWasmInput(_))
	));
}

#[test]
fn run_rewrites_a_file_in_place_as_the_builder_asks() {
	let dir = std::env::temp_dir().join(format!("wasm-opt-shim-{}", std::process::id()));
	std::fs::create_dir_all(&dir).unwrap();
	let path = dir.join("blob.wasm");
	std::fs::write(&path, module_with_sign_ext()).unwrap();
	OptimizationOptions::new_opt_level_0()
		.add_pass(Pass::SignextLowering)
		.debug_info(true)
		.run(&path, &path)
		.unwrap();
	let output = std::fs::read(&path).unwrap();
	std::fs::remove_dir_all(&dir).unwrap();
	Validator::new_with_features(WasmFeatures::WASM1).validate_all(&output).unwrap();
	assert!(matches!(
		OptimizationOptions::new_opt_level_0().run(dir.join("missing.wasm"), &path),
		Err(OptimizationError::Read(_))
	));
}
