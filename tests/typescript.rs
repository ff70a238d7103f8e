//! The generated TypeScript says what JavaScript users receive.

#[test]
fn payload_declarations_follow_the_rust_types() {
    let declarations = hookproof::typescript_declarations();
    for provider in hookproof::Provider::ALL {
        let namespace = format!("export declare namespace {} {{", provider.name());
        assert!(declarations.contains(&namespace), "{namespace}");
    }
    // u64 is a JSON number, not a bigint; an Option may be absent or null.
    assert!(declarations.contains("jobId: number"));
    assert!(declarations.contains("jobName?: string | null"));
    // String enums: the documented values, and any other string.
    assert!(declarations.contains(r#""JobStarted" | "#));
    assert!(declarations.contains("(string & {})"));
    // Raw JSON is any value; g2sentry's Payload is its Job.
    assert!(declarations.contains("oldValue?: unknown | null"));
    assert!(declarations.contains("export type Payload = Job;"));
    assert!(!declarations.contains("bigint"));
}

#[test]
fn error_codes_are_generated_from_error_code() {
    let declarations = hookproof::typescript_declarations();
    let line = declarations
        .lines()
        .find(|line| line.starts_with("export type CoreErrorCode = "))
        .expect("CoreErrorCode");
    for code in hookproof::ErrorCode::ALL {
        assert!(line.contains(&format!("\"{}\"", code.as_str())), "{code}");
    }
    assert_eq!(
        line.matches('|').count(),
        hookproof::ErrorCode::ALL.len() - 1
    );
}

#[test]
fn provider_names_and_payload_map_come_from_the_registry() {
    let declarations = hookproof::typescript_declarations();
    let names: Vec<String> = hookproof::Provider::ALL
        .iter()
        .map(|p| format!("\"{}\"", p.name()))
        .collect();
    assert!(declarations.contains(&format!("export type Provider = {};", names.join(" | "))));
    for provider in hookproof::Provider::ALL {
        let entry = format!("  {0}: {0}.Payload;", provider.name());
        assert!(declarations.contains(&entry), "{entry}");
    }
}
