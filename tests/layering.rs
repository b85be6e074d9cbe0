// SPDX-License-Identifier: BSD-2-Clause
//! The translator's modules import one way: `wire → table → engine → msg → lib`
//! (`docs/design.md`, "The translator"). A `crate::` path in a module naming a module of a
//! higher layer, or an item defined only at the crate root, fails here.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::path::Path;

/// Each top-level module of `src/` and its layer; a module may import only its own layer or
/// lower ones.
const LAYERS: &[(&str, u8)] = &[
    ("error", 0),
    ("host", 0),
    ("wire", 1),
    ("socket", 1),
    ("framing", 1),
    ("table", 2),
    ("engine", 3),
    ("request", 3),
    ("ack", 4),
    ("msg", 4),
    ("doc", 5),
    ("lib", 6),
];

fn layer(m: &str) -> Option<u8> {
    LAYERS.iter().find(|(n, _)| *n == m).map(|&(_, l)| l)
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn src_imports_only_downwards() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut bad = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let first = rel.iter().next().unwrap().to_str().unwrap();
        let module = first.trim_end_matches(".rs");
        let own = layer(module).unwrap_or_else(|| panic!("{module}: add it to LAYERS"));
        let text = std::fs::read_to_string(f).unwrap();
        for line in text.lines() {
            let code = line.split("//").next().unwrap();
            for (i, _) in code.match_indices("crate::") {
                let rest = &code[i + "crate::".len()..];
                let names: Vec<String> = match rest.strip_prefix('{') {
                    Some(group) => group
                        .split('}')
                        .next()
                        .unwrap()
                        .split(',')
                        .map(|n| ident(n.trim()))
                        .collect(),
                    None => vec![ident(rest)],
                };
                for name in names {
                    let target = match layer(&name) {
                        Some(l) => l,
                        // Items of the crate root other than the re-exported error types.
                        None if name.starts_with(char::is_uppercase)
                            && !["Result", "Error"].contains(&name.as_str()) =>
                        {
                            layer("lib").unwrap()
                        }
                        None => continue,
                    };
                    if target > own && module != "lib" {
                        bad.push(format!("{}: {}", rel.display(), line.trim()));
                    }
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports against the layering:\n{}",
        bad.join("\n")
    );
}
