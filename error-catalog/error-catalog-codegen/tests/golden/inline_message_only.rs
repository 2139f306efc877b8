#[allow(non_upper_case_globals)]
const _: () = {
    use ::error_catalog::__private as __p;
    const __INFO: &[::error_catalog::CodeInfo] = &[
        ::error_catalog::CodeInfo {
            code: "mcp_limit_reached",
            variant: "LimitReached",
            status: __p::Some(403u16),
            message: "MCP limit reached ({used}/{limit}). {rest}",
            title: __p::None,
            cause: __p::None,
            suggestion: __p::None,
            docs_url: __p::None,
            fix_command: __p::None,
            retry: ::error_catalog::RetryRule::Never,
        },
        ::error_catalog::CodeInfo {
            code: "not_authenticated",
            variant: "NotAuthenticated",
            status: __p::Some(401u16),
            message: "Not authenticated",
            title: __p::None,
            cause: __p::None,
            suggestion: __p::None,
            docs_url: __p::None,
            fix_command: __p::None,
            retry: ::error_catalog::RetryRule::Never,
        },
    ];
    static __ENTRIES: [__p::Entry<'static>; 2usize] = [
        __p::Entry {
            code: "mcp_limit_reached",
            status: __p::Some(403u16),
            patterns: &[
                &[
                    __p::PatternSeg::Lit("MCP limit reached ("),
                    __p::PatternSeg::Hole(0usize, __p::HoleKind::Integer),
                    __p::PatternSeg::Lit("/"),
                    __p::PatternSeg::Hole(1usize, __p::HoleKind::Integer),
                    __p::PatternSeg::Lit("). "),
                    __p::PatternSeg::Hole(2usize, __p::HoleKind::Text),
                ],
            ],
            by_status: false,
            when: &[],
            code_in_body: true,
            range: __p::None,
        },
        __p::Entry {
            code: "not_authenticated",
            status: __p::Some(401u16),
            patterns: &[&[__p::PatternSeg::Lit("Not authenticated")]],
            by_status: false,
            when: &[],
            code_in_body: true,
            range: __p::None,
        },
    ];
    static __BY_CODE: [u32; 8usize] = [
        2954035201u32, 4294967295u32, 55705600u32, 4294967295u32, 4294967295u32,
        4294967295u32, 4294967295u32, 4294967295u32,
    ];
    static __CODE_KEYS: [__p::CodeKey; 2usize] = [
        __p::CodeKey::of("mcp_limit_reached"),
        __p::CodeKey::of("not_authenticated"),
    ];
    static __PLAN: __p::Plan<'static> = __p::Plan {
        layout: __p::Layout {
            slots: &[&["error"]],
            fields_at: __p::None,
        },
        table: __p::Table {
            identity: __p::Identity::Message,
            entries: &__ENTRIES,
            by_code: __p::CodeIndex {
                slots: &__BY_CODE,
                keys: &__CODE_KEYS,
                complete: true,
            },
            pattern_order: &[0u16, 1u16],
            by_message: &[],
            by_lead: __p::None,
        },
        code: __p::None,
        code_cut: __p::CodeCut {
            after: __p::None,
            before: __p::None,
        },
        code_header: __p::None,
        captures: &[],
        integer_codes: false,
        message: __p::Some(0usize),
        fields_at: "",
        typed: true,
        classify: __p::Some(__classify),
        lone: __p::Some("error"),
        envelopes: __p::Envelopes::ONE,
        envelope_texts: &[],
    };
    static __PROBLEM: __p::Plan<'static> = __p::Plan {
        layout: __p::Layout {
            slots: &[
                &["code"],
                &["detail"],
                &["type"],
                &["title"],
                &["status"],
                &["instance"],
            ],
            fields_at: __p::Some(&[]),
        },
        table: __p::Table {
            identity: __p::Identity::Code,
            entries: &__ENTRIES,
            by_code: __p::CodeIndex {
                slots: &__BY_CODE,
                keys: &__CODE_KEYS,
                complete: true,
            },
            pattern_order: &[],
            by_message: &[],
            by_lead: __p::None,
        },
        code: __p::Some(0usize),
        code_cut: __p::CodeCut {
            after: __p::None,
            before: __p::None,
        },
        code_header: __p::None,
        captures: &[],
        integer_codes: false,
        message: __p::Some(1usize),
        fields_at: "",
        typed: false,
        classify: __p::None,
        lone: __p::None,
        envelopes: __p::Envelopes::ONE,
        envelope_texts: &[],
    };
    #[allow(
        unreachable_patterns,
        unused_labels,
        clippy::match_single_binding,
        clippy::needless_return
    )]
    fn __classify<'m>(
        __status: u16,
        __msg: __p::Option<&'m str>,
        __holes: &mut __p::HoleTexts<'m>,
    ) -> __p::Option<(usize, bool)> {
        if let __p::Some(__m) = __msg {
            match __status {
                401u16 => {
                    match __m {
                        "Not authenticated" => {
                            return __p::Some((1usize, true));
                        }
                        _ => {}
                    }
                }
                403u16 => '__p0_0: {
                    let __r: &'m str = __m;
                    let __p::Some(__r) = __r.strip_prefix("MCP limit reached (") else {
                        break '__p0_0;
                    };
                    let __p::Some((__c1, __r)) = __p::take_run(
                        __r,
                        __p::HoleKind::Integer,
                    ) else {
                        break '__p0_0;
                    };
                    let __p::Some(__r) = __r.strip_prefix("/") else {
                        break '__p0_0;
                    };
                    let __p::Some((__c3, __r)) = __p::take_run(
                        __r,
                        __p::HoleKind::Integer,
                    ) else {
                        break '__p0_0;
                    };
                    let __p::Some(__r) = __r.strip_prefix("). ") else {
                        break '__p0_0;
                    };
                    let __c5 = __r;
                    __holes.clear();
                    __holes.push((0usize, __c1));
                    __holes.push((1usize, __c3));
                    __holes.push((2usize, __c5));
                    return __p::Some((
                        0usize,
                        __holes.get(0usize).is_some_and(|__c| __p::canonical_int(__c.1))
                            && __holes
                                .get(1usize)
                                .is_some_and(|__c| __p::canonical_int(__c.1)),
                    ));
                }
                _ => {}
            }
        }
        match __status {
            _ => __p::None,
        }
    }
    #[allow(
        unreachable_patterns,
        unused_labels,
        clippy::match_single_binding,
        clippy::needless_return
    )]
    #[inline]
    fn __direct<'m>(__status: u16, __m: &'m str) -> __p::Option<McpError> {
        match __status {
            401u16 => {
                match __m {
                    "Not authenticated" => {
                        return __p::Some(McpError::NotAuthenticated);
                    }
                    _ => {}
                }
            }
            403u16 => '__p0_0: {
                let __r: &'m str = __m;
                let __p::Some(__r) = __r.strip_prefix("MCP limit reached (") else {
                    break '__p0_0;
                };
                let __p::Some((__c1, __r)) = __p::take_run(__r, __p::HoleKind::Integer)
                else {
                    break '__p0_0;
                };
                let __p::Some(__r) = __r.strip_prefix("/") else {
                    break '__p0_0;
                };
                let __p::Some((__c3, __r)) = __p::take_run(__r, __p::HoleKind::Integer)
                else {
                    break '__p0_0;
                };
                let __p::Some(__r) = __r.strip_prefix("). ") else {
                    break '__p0_0;
                };
                let __c5 = __r;
                return {
                    let __v0 = __p::exact_int(__c1)?;
                    let __v1 = __p::exact_int(__c3)?;
                    __p::Some(McpError::LimitReached {
                        used: __v0,
                        limit: __v1,
                        rest: __p::text_into(__c5),
                    })
                };
            }
            _ => {}
        }
        __p::None
    }
    #[automatically_derived]
    impl ::error_catalog::ErrorCatalog for McpError {
        const SERVICE: &'static str = "mcp_error";
        const CODES: &'static [::error_catalog::CodeInfo] = __INFO;
    }
    #[automatically_derived]
    impl ::core::fmt::Display for McpError {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __p::Render::render(self, __f, false)
        }
    }
    #[automatically_derived]
    impl ::std::error::Error for McpError {}
    #[automatically_derived]
    #[allow(unreachable_patterns)]
    impl ::error_catalog::ApiError for McpError {
        fn code(&self) -> &str {
            match self {
                Self::Unknown(__u) => __u.code().unwrap_or(""),
                _ => {
                    match ::error_catalog::ApiError::info(self) {
                        __p::Some(__i) => __i.code,
                        __p::None => "",
                    }
                }
            }
        }
        fn status(&self) -> __p::Option<u16> {
            match self {
                Self::Unknown(__u) => __u.status(),
                _ => ::error_catalog::ApiError::info(self).and_then(|__i| __i.status),
            }
        }
        fn suggestion(&self) -> __p::Option<&str> {
            ::error_catalog::ApiError::info(self).and_then(|__i| __i.suggestion)
        }
        fn docs_url(&self) -> __p::Option<&str> {
            ::error_catalog::ApiError::info(self).and_then(|__i| __i.docs_url)
        }
        fn fix_command(&self) -> __p::Option<::std::borrow::Cow<'_, str>> {
            __p::None
        }
        fn retry_rule(&self) -> ::error_catalog::RetryRule {
            match ::error_catalog::ApiError::info(self) {
                __p::Some(__i) => __i.retry,
                __p::None => {
                    ::error_catalog::RetryRule::for_unknown_status(
                        ::error_catalog::ApiError::status(self),
                    )
                }
            }
        }
        fn info(&self) -> __p::Option<&'static ::error_catalog::CodeInfo> {
            match self {
                Self::LimitReached { .. } => __p::Some(&__INFO[0usize]),
                Self::NotAuthenticated => __p::Some(&__INFO[1usize]),
                Self::Unknown(_) => __p::None,
            }
        }
        fn retry_after_field(&self) -> __p::Option<u64> {
            match self {
                _ => __p::None,
            }
        }
        fn content_type(&self) -> &'static str {
            "application/json"
        }
        fn details(
            &self,
        ) -> __p::serde_json::Map<::std::string::String, __p::serde_json::Value> {
            let mut __m = __p::serde_json::Map::new();
            match self {
                Self::LimitReached { used, limit, rest, .. } => {
                    __p::put(&mut __m, "used", used);
                    __p::put(&mut __m, "limit", limit);
                    __p::put(&mut __m, "rest", rest);
                }
                Self::NotAuthenticated => {}
                Self::Unknown(_) => {}
            }
            __m
        }
    }
    #[automatically_derived]
    #[allow(unreachable_patterns)]
    impl<'b> __p::Decode<'b> for McpError {
        type Context = bool;
        type Sink = __Fast<'b, true>;
        type Extra = ::error_catalog::Extra;
        fn direct(__problem: bool, __status: u16, __m: &str) -> __p::Option<Self> {
            if __problem { __p::None } else { __direct(__status, __m) }
        }
        #[allow(unused_variables, unused_mut)]
        fn build(
            __problem: bool,
            __entry: usize,
            __s: &mut Self::Sink,
            __holes: &[(usize, &str)],
        ) -> __p::Result<Self, ::std::string::String> {
            #[allow(unused_variables, unused_mut)]
            fn __b0<'b>(
                __problem: bool,
                __s: &mut __Fast<'b, true>,
                __holes: &[(usize, &str)],
            ) -> __p::Result<(u32, u32, String), ::std::string::String> {
                __p::Ok((
                    if __problem {
                        __p::read_field(
                            __s,
                            __p::FieldAt::Member("used"),
                            "used",
                            __p::field_int,
                        )
                    } else {
                        __p::field_int(__p::hole_text(__holes, 0usize), "used")
                    }?,
                    if __problem {
                        __p::read_field(
                            __s,
                            __p::FieldAt::Member("limit"),
                            "limit",
                            __p::field_int,
                        )
                    } else {
                        __p::field_int(__p::hole_text(__holes, 1usize), "limit")
                    }?,
                    if __problem {
                        __p::read_field(
                            __s,
                            __p::FieldAt::Member("rest"),
                            "rest",
                            __p::field_string,
                        )
                    } else {
                        __p::hole_string(__holes, 2usize, "rest", false)
                    }?,
                ))
            }
            match __entry {
                0usize => {
                    match __b0(__problem, __s, __holes) {
                        __p::Ok((used, limit, rest)) => {
                            __p::Ok(Self::LimitReached {
                                used,
                                limit,
                                rest,
                            })
                        }
                        __p::Err(__e) => __p::Err(__e),
                    }
                }
                1usize => __p::Ok(Self::NotAuthenticated),
                _ => __p::Err(::std::string::String::from("no variant for this entry")),
            }
        }
        fn unknown(__f: __p::Fallback<'_>) -> Self {
            Self::Unknown(::core::convert::From::from(__f))
        }
        fn extra_mut(&mut self) -> __p::Option<&mut ::error_catalog::Extra> {
            match self {
                _ => __p::None,
            }
        }
        fn template_renders(&self, __t: &str) -> bool {
            match self {
                Self::NotAuthenticated => __t == "Not authenticated",
                _ => __p::display_eq(self, __t),
            }
        }
    }
    #[derive(Default)]
    #[allow(dead_code)]
    enum __Typed<'b> {
        #[default]
        None,
        Body(::core::marker::PhantomData<&'b str>),
    }
    #[derive(Default)]
    pub struct __Fast<'b, const __OWN: bool> {
        raw: __p::LazyCapture<'b>,
        on: bool,
        code: __p::Option<::std::borrow::Cow<'b, str>>,
        message: __p::Option<::std::borrow::Cow<'b, str>>,
        entry: __p::Option<usize>,
        typed: __Typed<'b>,
    }
    impl<'b, const __OWN: bool> __p::engine::Sink<'b> for __Fast<'b, __OWN> {
        #[allow(unreachable_patterns)]
        #[inline(always)]
        fn slot<__A: __p::serde::de::MapAccess<'b>>(
            &mut self,
            __slot: usize,
            __map: &mut __A,
        ) -> __p::Result<(), __A::Error> {
            if !self.on {
                return __p::engine::Sink::slot(self.raw.make(), __slot, __map);
            }
            let __twice = || <__A::Error as __p::serde::de::Error>::custom(
                "a slot seen twice",
            );
            match __slot {
                0usize => {
                    if self.message.is_some() {
                        return __p::Err(__twice());
                    }
                    self.message = __p::Some(
                        __p::serde::de::MapAccess::next_value_seed(
                            __map,
                            __p::engine::StrSeed,
                        )?,
                    );
                }
                _ => return __p::engine::Sink::slot(self.raw.make(), __slot, __map),
            }
            __p::Ok(())
        }
        #[allow(unreachable_code, clippy::match_single_binding)]
        #[inline(always)]
        fn member<__A: __p::serde::de::MapAccess<'b>>(
            &mut self,
            __key: ::std::borrow::Cow<'b, str>,
            __map: &mut __A,
        ) -> __p::Result<(), __A::Error> {
            match &mut self.typed {
                _ => {}
            }
            __p::engine::Sink::member(self.raw.make(), __key, __map)
        }
        fn extra(
            &mut self,
            __pointer: &__p::engine::PointerTo<'_>,
            __raw: &str,
        ) -> __p::Result<(), __p::TooLong> {
            __p::engine::Sink::extra(self.raw.make(), __pointer, __raw)
        }
        #[inline(always)]
        fn walk(
            &mut self,
            __body: &'b [u8],
            __layout: &__p::Layout<'_>,
        ) -> __p::Result<(), __p::engine::CaptureError> {
            if self.on {
                __p::engine::walk_with(__body, __Walk0(self))
            } else {
                __p::engine::walk(__body, __layout, self)
            }
        }
        fn new(__typed: bool) -> Self {
            __Fast {
                on: __typed,
                ..::core::default::Default::default()
            }
        }
        fn typed(&self) -> bool {
            self.on
        }
        fn capture(&mut self) -> __p::Option<&mut __p::Captured<'b>> {
            self.raw.get_mut()
        }
        fn entry(&self) -> __p::Option<usize> {
            self.entry
        }
        fn take_text(
            &mut self,
            __slot: usize,
        ) -> __p::Option<::std::borrow::Cow<'b, str>> {
            if self.on {
                if __slot == 0usize {
                    return self.message.take();
                }
            }
            self.raw.get_mut()?.slot_str(__slot)
        }
    }
    struct __Walk0<'s, 'b, const __OWN: bool>(&'s mut __Fast<'b, __OWN>);
    impl<'s, 'b, const __OWN: bool> __p::serde::de::DeserializeSeed<'b>
    for __Walk0<'s, 'b, __OWN> {
        type Value = ();
        fn deserialize<__D: __p::serde::Deserializer<'b>>(
            self,
            __d: __D,
        ) -> __p::Result<(), __D::Error> {
            __p::serde::Deserializer::deserialize_map(__d, self)
        }
    }
    impl<'s, 'b, const __OWN: bool> __p::serde::de::Visitor<'b>
    for __Walk0<'s, 'b, __OWN> {
        type Value = ();
        fn expecting(
            &self,
            __f: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            __f.write_str("a JSON object")
        }
        #[allow(clippy::match_single_binding)]
        fn visit_map<__A: __p::serde::de::MapAccess<'b>>(
            self,
            mut __map: __A,
        ) -> __p::Result<(), __A::Error> {
            let __names = |__k: &str| {
                if __k == "error" {
                    return __p::Some(0usize);
                }
                __p::None
            };
            while let __p::Some(__k) = __p::serde::de::MapAccess::next_key_seed(
                &mut __map,
                __p::engine::KeySeed(__names),
            )? {
                match __k {
                    __p::engine::KeyOf::Named(0usize) => {
                        __p::engine::Sink::slot(&mut *self.0, 0usize, &mut __map)?
                    }
                    __p::engine::KeyOf::Other(__key) => {
                        let __raw: &'b __p::serde_json::value::RawValue = __p::serde::de::MapAccess::next_value(
                            &mut __map,
                        )?;
                        __p::engine::Sink::extra(
                                &mut *self.0,
                                &__p::engine::PointerTo::under(&[], &__key),
                                __raw.get(),
                            )
                            .map_err(<__A::Error as __p::serde::de::Error>::custom)?
                    }
                    __p::engine::KeyOf::Named(_) => {
                        return __p::Err(
                            <__A::Error as __p::serde::de::Error>::custom(
                                "a key without its arm",
                            ),
                        );
                    }
                }
            }
            __p::Ok(())
        }
    }
    #[automatically_derived]
    impl ::error_catalog::FromResponse for McpError {
        const SUCCESS_IN_BODY: bool = false;
        fn is_success(status: u16, body: &[u8]) -> bool {
            __p::SuccessRule {
                marks: &[],
                marker: __p::Some(&["error"]),
            }
                .is_success(status, body)
        }
        fn from_response(status: u16, body: &[u8]) -> Self {
            __p::decode::<Self>(__p::Some(status), body, &__PLAN, &(), false)
        }
        fn from_problem_json(status: u16, body: &[u8]) -> Self {
            __p::decode::<Self>(__p::Some(status), body, &__PROBLEM, &(), true)
        }
        fn from_parts(
            status: u16,
            headers: &dyn __p::HeaderLookup,
            body: &[u8],
        ) -> Self {
            __p::decode::<Self>(__p::Some(status), body, &__PLAN, headers, false)
        }
    }
    #[automatically_derived]
    impl __p::serde::Serialize for McpError {
        fn serialize<__S: __p::serde::Serializer>(
            &self,
            __s: __S,
        ) -> __p::Result<__S::Ok, __S::Error> {
            __p::Render::serialize_envelope(self, __s, false)
        }
    }
    #[automatically_derived]
    impl __p::Render for McpError {
        fn render(
            &self,
            __f: &mut ::core::fmt::Formatter<'_>,
            __public: bool,
        ) -> ::core::fmt::Result {
            static __SEGS: [&[__p::Seg]; 2usize] = [
                &[
                    __p::Seg::Lit("MCP limit reached ("),
                    __p::Seg::Value(0usize),
                    __p::Seg::Lit("/"),
                    __p::Seg::Value(1usize),
                    __p::Seg::Lit("). "),
                    __p::Seg::Value(2usize),
                ],
                &[__p::Seg::Lit("Not authenticated")],
            ];
            match self {
                Self::LimitReached { used, limit, rest, .. } => {
                    __p::render_segs(
                        __f,
                        __public,
                        __SEGS[0usize],
                        &[used, limit, rest],
                        __p::None,
                    )
                }
                Self::NotAuthenticated => {
                    __p::render_segs(__f, __public, __SEGS[1usize], &[], __p::None)
                }
                Self::Unknown(__u) => {
                    if __public {
                        __f.write_str("unrecognised upstream error")
                    } else {
                        ::core::fmt::Display::fmt(__u, __f)
                    }
                }
            }
        }
        fn serialize_envelope<__S: __p::serde::Serializer>(
            &self,
            __s: __S,
            __public: bool,
        ) -> __p::Result<__S::Ok, __S::Error> {
            #[allow(unused_variables, clippy::too_many_arguments, clippy::ptr_arg)]
            fn __w0<__S: __p::serde::Serializer>(
                __s: __S,
                __public: bool,
                __this: &McpError,
                __code: &'static str,
                used: &u32,
                limit: &u32,
                rest: &String,
            ) -> __p::Result<__S::Ok, __S::Error> {
                __p::serde::Serialize::serialize(
                    &__p::Obj((
                        __p::Member("error", &__p::MessageStr(__this, __public)),
                    )),
                    __s,
                )
            }
            #[allow(unused_variables, clippy::too_many_arguments, clippy::ptr_arg)]
            fn __w1<__S: __p::serde::Serializer>(
                __s: __S,
                __public: bool,
                __this: &McpError,
                __code: &'static str,
            ) -> __p::Result<__S::Ok, __S::Error> {
                __p::serde::Serialize::serialize(
                    &__p::Obj((
                        __p::Member("error", &__p::MessageStr(__this, __public)),
                    )),
                    __s,
                )
            }
            match self {
                Self::LimitReached { used, limit, rest, .. } => {
                    __w0(__s, __public, self, "mcp_limit_reached", used, limit, rest)
                }
                Self::NotAuthenticated => __w1(__s, __public, self, "not_authenticated"),
                Self::Unknown(__u) => {
                    if __public {
                        __p::serde::Serialize::serialize(
                            &__p::Obj((
                                __p::Member("error", "unrecognised upstream error"),
                            )),
                            __s,
                        )
                    } else {
                        __p::serialize_unknown(__u, __s)
                    }
                }
            }
        }
        fn public_details(
            &self,
        ) -> __p::serde_json::Map<::std::string::String, __p::serde_json::Value> {
            ::error_catalog::ApiError::details(self)
        }
    }
    ::error_catalog::__impl_integrations!(
        McpError, "McpError",
        "{\"anyOf\":[{\"$ref\":\"#/components/schemas/McpErrorLimitReached\"},{\"$ref\":\"#/components/schemas/McpErrorNotAuthenticated\"}],\"title\":\"McpError error\"}",
        "{\"McpErrorLimitReached\":{\"description\":\"HTTP 403: MCP limit reached ({used}/{limit}). {rest}\",\"properties\":{\"error\":{\"type\":\"string\"}},\"required\":[\"error\"],\"title\":\"mcp_limit_reached\",\"type\":\"object\"},\"McpErrorNotAuthenticated\":{\"description\":\"HTTP 401: Not authenticated\",\"properties\":{\"error\":{\"type\":\"string\"}},\"required\":[\"error\"],\"title\":\"not_authenticated\",\"type\":\"object\"}}",
        "{\"401\":{\"content\":{\"application/json\":{\"examples\":{\"NotAuthenticated\":{\"summary\":\"Not authenticated\",\"value\":{\"error\":\"Not authenticated\"}}},\"schema\":{\"$ref\":\"#/components/schemas/McpErrorNotAuthenticated\"}}},\"description\":\"HTTP 401: not_authenticated\"},\"403\":{\"content\":{\"application/json\":{\"examples\":{\"LimitReached\":{\"summary\":\"MCP limit reached ({used}/{limit}). {rest}\",\"value\":{\"error\":\"MCP limit reached ({used}/{limit}). {rest}\"}}},\"schema\":{\"$ref\":\"#/components/schemas/McpErrorLimitReached\"}}},\"description\":\"HTTP 403: mcp_limit_reached\"}}"
    );
};
