//! The seed documents' example bodies (KYA and Customer Verification), as
//! `tests/tests/seeds/` checks them against the enums and
//! `tests/tests/decoder_agreement.rs` against the CLI's decoding.

pub const KYA_VALIDATION_ERROR: &str = r#"{
"error": "Invalid request body: agentId must be a numeric string",
"errorType": "VALIDATION_ERROR",
"details": {
"field": "agentId",
"received": 42
},
"timestamp": 1707408000000
}"#;

pub const KYA_SIGNATURE_INVALID: &str = r#"{
"error": "Signature does not match agent owner",
"errorType": "SIGNATURE_INVALID",
"details": {
"agentId": "42",
"owner": "0x3CDA80d87cDde4612C9b66B657d45055Fa03Ce99",
"recoveredSigner": "0x1234567890123456789012345678901234567890"
},
"timestamp": 1707408000000
}"#;

pub const KYA_REPLAY_DETECTED: &str = r#"{
"error": "Nonce has already been used for this agent",
"errorType": "REPLAY_DETECTED",
"details": {
"agentId": "42",
"nonce": "123456789"
},
"timestamp": 1707408000000
}"#;

pub const KYA_AGENT_NOT_FOUND: &str = r#"{
"error": "Agent ID 9999 not found in IdentityRegistry",
"errorType": "AGENT_NOT_FOUND",
"details": {
"agentId": "9999"
},
"timestamp": 1707408000000
}"#;

pub const KYA_RPC_ERROR: &str = r#"{
"error": "Failed to fetch on-chain data: RPC request timed out",
"errorType": "RPC_ERROR",
"details": {
"rpcUrl": "https://rpc.kyachain.xyz",
"method": "eth_call"
},
"timestamp": 1707408000000
}"#;

pub const KYA_INTERNAL_ERROR: &str = r#"{
"error": "An unexpected error occurred",
"errorType": "INTERNAL_ERROR",
"timestamp": 1707408000000
}"#;

pub const KYA_INVALID_API_KEY: &str = r#"{
"error": "API key not found or has been revoked",
"errorType": "INVALID_API_KEY",
"details": {
"agentId": "42"
},
"timestamp": 1707408000000
}"#;

pub const KYA_KEY_ALREADY_EXISTS: &str = r#"{
"error": "Agent 42 already has an API key. Use /keys/rotate to get a new one.",
"errorType": "KEY_ALREADY_EXISTS",
"details": {
"agentId": "42"
},
"timestamp": 1707408000000
}"#;

pub const KYA_RATE_LIMITED: &str = r#"{
"error": "Rate limit exceeded for agent tier",
"errorType": "RATE_LIMITED",
"details": {
"agentId": "42",
"tier": 1,
"limit": 1,
"retryAfter": 45
},
"timestamp": 1707408000000
}"#;

pub const KYA_TIER_BLOCKED: &str = r#"{
"error": "Agent is Tier 0 (unverified) and cannot use the API. Stake at least 1,000 LABS to reach Bronze tier.",
"errorType": "TIER_BLOCKED",
"details": {
"agentId": "42",
"currentTier": 0,
"requiredTier": 1,
"requiredStake": "1000000000000000000000"
},
"timestamp": 1707408000000
}"#;

pub const KYA_INSUFFICIENT_DEPOSIT: &str = r#"{
"error": "Insufficient LABS deposited in FeedbackEscrow to relay feedback",
"errorType": "INSUFFICIENT_DEPOSIT",
"details": {
"agentId": "42",
"currentBalance": "100000000000000000",
"requiredAmount": "1000000000000000000"
},
"timestamp": 1707408000000
}"#;

pub const KYA_RELAY_FAILED: &str = r#"{
"error": "Failed to relay feedback transaction on-chain",
"errorType": "RELAY_FAILED",
"details": {
"agentId": "42",
"reason": "Transaction reverted",
"txHash": "0x..."
},
"timestamp": 1707408000000
}"#;

/// The seed's "Error Response Format": a placeholder code, so no known error.
pub const KYA_FORMAT: &str = r#"{
"error": "Human-readable error message",
"errorType": "ERROR_TYPE_CODE",
"details": {},
"timestamp": 1707408000000
}"#;

pub const CV_AUTHENTICATION_FAILED: &str = r#"{
  "error": {
    "code": "AUTHENTICATION_FAILED",
    "message": "Invalid API key provided",
    "details": "The API key does not exist or has been revoked"
  }
}"#;

pub const CV_TOKEN_EXPIRED: &str = r#"{
  "error": {
    "code": "TOKEN_EXPIRED",
    "message": "JWT token has expired",
    "details": "Token expired at 2025-11-05T10:30:00Z"
  }
}"#;

pub const CV_INSUFFICIENT_PERMISSIONS: &str = r#"{
  "error": {
    "code": "INSUFFICIENT_PERMISSIONS",
    "message": "Insufficient permissions for this operation",
    "details": "This operation requires ADMIN or WRITE scope"
  }
}"#;

pub const CV_VALIDATION_ERROR: &str = r#"{
  "error": {
    "code": "VALIDATION_ERROR",
    "message": "Invalid request parameters",
    "details": "Field 'email' is required",
    "field": "email"
  }
}"#;

pub const CV_INVALID_FIELD_FORMAT: &str = r#"{
  "error": {
    "code": "INVALID_FIELD_FORMAT",
    "message": "Invalid field format",
    "details": "Field 'dateOfBirth' must be in YYYY-MM-DD format",
    "field": "dateOfBirth"
  }
}"#;

pub const CV_INVALID_DOCUMENT_FORMAT: &str = r#"{
  "error": {
    "code": "INVALID_DOCUMENT_FORMAT",
    "message": "Invalid document format",
    "details": "Document must be JPG, PNG, or PDF. Max size: 10MB"
  }
}"#;

pub const CV_RESOURCE_NOT_FOUND: &str = r#"{
  "error": {
    "code": "RESOURCE_NOT_FOUND",
    "message": "Customer not found",
    "details": "Customer with ID 'cus_invalid123' does not exist"
  }
}"#;

pub const CV_RESOURCE_CONFLICT: &str = r#"{
  "error": {
    "code": "RESOURCE_CONFLICT",
    "message": "Customer is in UNDER_REVIEW state and cannot be modified",
    "details": "Wait for verification to complete before updating"
  }
}"#;

pub const CV_DUPLICATE_RESOURCE: &str = r#"{
  "error": {
    "code": "DUPLICATE_RESOURCE",
    "message": "Customer already exists",
    "details": "Customer with email 'user@example.com' already exists"
  }
}"#;

pub const CV_RATE_LIMIT_EXCEEDED: &str = r#"{
  "error": {
    "code": "RATE_LIMIT_EXCEEDED",
    "message": "Too many requests",
    "details": "Rate limit exceeded. Retry after 60 seconds",
    "retryAfter": 60
  }
}"#;

pub const CV_VERIFICATION_FAILED: &str = r#"{
  "error": {
    "code": "VERIFICATION_FAILED",
    "message": "Verification failed",
    "details": "Identity document could not be verified"
  }
}"#;

pub const CV_DOCUMENT_QUALITY_INSUFFICIENT: &str = r#"{
  "error": {
    "code": "DOCUMENT_QUALITY_INSUFFICIENT",
    "message": "Document quality insufficient",
    "details": "Document image is blurry or incomplete"
  }
}"#;

pub const CV_INTERNAL_SERVER_ERROR: &str = r#"{
  "error": {
    "code": "INTERNAL_SERVER_ERROR",
    "message": "An unexpected error occurred",
    "details": "Request ID: req_abc123xyz"
  }
}"#;

pub const CV_SERVICE_UNAVAILABLE: &str = r#"{
  "error": {
    "code": "SERVICE_UNAVAILABLE",
    "message": "Service temporarily unavailable",
    "details": "Please retry after a short delay"
  }
}"#;

pub const CV_WEBHOOK_SIGNATURE_INVALID: &str = r#"{
  "error": {
    "code": "WEBHOOK_SIGNATURE_INVALID",
    "message": "Webhook signature verification failed",
    "details": "Signature does not match expected value"
  }
}"#;

pub const CV_WEBHOOK_DELIVERY_FAILED: &str = r#"{
  "error": {
    "code": "WEBHOOK_DELIVERY_FAILED",
    "message": "Failed to deliver webhook after 3 attempts",
    "details": "Endpoint returned 500 error"
  }
}"#;

/// The seed's "Error response format": a placeholder code, so no known error.
pub const CV_FORMAT: &str = r#"{
  "error": {
    "code": "ERROR_CODE",
    "message": "Human-readable error message",
    "details": "Additional context about the error",
    "field": "fieldName"
  }
}"#;

/// Every body above, by name.
pub const ALL: &[(&str, &str)] = &[
    ("KYA_VALIDATION_ERROR", KYA_VALIDATION_ERROR),
    ("KYA_SIGNATURE_INVALID", KYA_SIGNATURE_INVALID),
    ("KYA_REPLAY_DETECTED", KYA_REPLAY_DETECTED),
    ("KYA_AGENT_NOT_FOUND", KYA_AGENT_NOT_FOUND),
    ("KYA_RPC_ERROR", KYA_RPC_ERROR),
    ("KYA_INTERNAL_ERROR", KYA_INTERNAL_ERROR),
    ("KYA_INVALID_API_KEY", KYA_INVALID_API_KEY),
    ("KYA_KEY_ALREADY_EXISTS", KYA_KEY_ALREADY_EXISTS),
    ("KYA_RATE_LIMITED", KYA_RATE_LIMITED),
    ("KYA_TIER_BLOCKED", KYA_TIER_BLOCKED),
    ("KYA_INSUFFICIENT_DEPOSIT", KYA_INSUFFICIENT_DEPOSIT),
    ("KYA_RELAY_FAILED", KYA_RELAY_FAILED),
    ("KYA_FORMAT", KYA_FORMAT),
    ("CV_AUTHENTICATION_FAILED", CV_AUTHENTICATION_FAILED),
    ("CV_TOKEN_EXPIRED", CV_TOKEN_EXPIRED),
    ("CV_INSUFFICIENT_PERMISSIONS", CV_INSUFFICIENT_PERMISSIONS),
    ("CV_VALIDATION_ERROR", CV_VALIDATION_ERROR),
    ("CV_INVALID_FIELD_FORMAT", CV_INVALID_FIELD_FORMAT),
    ("CV_INVALID_DOCUMENT_FORMAT", CV_INVALID_DOCUMENT_FORMAT),
    ("CV_RESOURCE_NOT_FOUND", CV_RESOURCE_NOT_FOUND),
    ("CV_RESOURCE_CONFLICT", CV_RESOURCE_CONFLICT),
    ("CV_DUPLICATE_RESOURCE", CV_DUPLICATE_RESOURCE),
    ("CV_RATE_LIMIT_EXCEEDED", CV_RATE_LIMIT_EXCEEDED),
    ("CV_VERIFICATION_FAILED", CV_VERIFICATION_FAILED),
    (
        "CV_DOCUMENT_QUALITY_INSUFFICIENT",
        CV_DOCUMENT_QUALITY_INSUFFICIENT,
    ),
    ("CV_INTERNAL_SERVER_ERROR", CV_INTERNAL_SERVER_ERROR),
    ("CV_SERVICE_UNAVAILABLE", CV_SERVICE_UNAVAILABLE),
    ("CV_WEBHOOK_SIGNATURE_INVALID", CV_WEBHOOK_SIGNATURE_INVALID),
    ("CV_WEBHOOK_DELIVERY_FAILED", CV_WEBHOOK_DELIVERY_FAILED),
    ("CV_FORMAT", CV_FORMAT),
];
