#[allow(non_upper_case_globals)]
const _: () = {
    use ::error_catalog::__private as __p;
    const __INFO: &[::error_catalog::CodeInfo] = &[
        ::error_catalog::CodeInfo {
            code: "7003",
            variant: "CouldNotRoute",
            status: __p::Some(400u16),
            message: "Could not route to the object",
            title: __p::None,
            cause: __p::None,
            suggestion: __p::None,
            docs_url: __p::None,
            fix_command: __p::None,
            retry: ::error_catalog::RetryRule::Never,
        },
    ];
    static __ENTRIES: [__p::Entry<'static>; 1usize] = [
        __p::Entry {
            code: "7003",
            status: __p::Some(400u16),
            patterns: &[],
            by_status: false,
            when: &[],
            code_in_body: true,
            range: __p::None,
        },
    ];
    static __BY_CODE: [u32; 8usize] = [
        4294967295u32, 4294967295u32, 4294967295u32, 4294967295u32, 4294967295u32,
        2834628608u32, 4294967295u32, 4294967295u32,
    ];
    static __CODE_KEYS: [__p::CodeKey; 1usize] = [__p::CodeKey::of("7003")];
    static __PLAN: __p::Plan<'static> = __p::Plan {
        layout: __p::Layout {
            slots: &[
                &["errors", "*", "code"],
                &["errors", "*", "message"],
                &["suggestion"],
                &["docs_url"],
                &["fix_command"],
            ],
            fields_at: __p::Some(&["errors", "*"]),
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
        integer_codes: true,
        message: __p::Some(1usize),
        fields_at: "/errors/*",
        typed: true,
        classify: __p::None,
        lone: __p::None,
        envelopes: __p::Envelopes::ONE,
        envelope_texts: &[
            (__p::EnvelopeText::Suggestion, 2usize),
            (__p::EnvelopeText::DocsUrl, 3usize),
            (__p::EnvelopeText::FixCommand, 4usize),
        ],
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
        integer_codes: true,
        message: __p::Some(1usize),
        fields_at: "",
        typed: false,
        classify: __p::None,
        lone: __p::None,
        envelopes: __p::Envelopes::ONE,
        envelope_texts: &[],
    };
    #[automatically_derived]
    impl ::error_catalog::ErrorCatalog for CfError {
        const SERVICE: &'static str = "cf_error";
        const CODES: &'static [::error_catalog::CodeInfo] = __INFO;
    }
    #[automatically_derived]
    impl ::core::fmt::Display for CfError {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __p::Render::render(self, __f, false)
        }
    }
    #[automatically_derived]
    impl ::std::error::Error for CfError {}
    #[automatically_derived]
    #[allow(unreachable_patterns)]
    impl ::error_catalog::ApiError for CfError {
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
                Self::CouldNotRoute { .. } => __p::Some(&__INFO[0usize]),
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
                Self::CouldNotRoute { documentation_url, .. } => {
                    __p::put(&mut __m, "documentation_url", documentation_url);
                }
                Self::Unknown(_) => {}
            }
            __m
        }
    }
    #[automatically_derived]
    #[allow(unreachable_patterns)]
    impl<'b> __p::Decode<'b> for CfError {
        type Context = bool;
        type Sink = __Fast<'b, true>;
        type Extra = ::error_catalog::Extra;
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
            ) -> __p::Result<(Option<String>,), ::std::string::String> {
                let (__t0,) = match ::core::mem::take(&mut __s.typed) {
                    __Typed::S0 { __t0 } => (__t0,),
                    _ => (__p::None,),
                };
                __p::Ok((
                    __p::typed_or_optional(
                        __t0.map(__p::Text::owned),
                        __s,
                        __p::FieldAt::Member("documentation_url"),
                        "documentation_url",
                        __p::field_opt_string,
                    )?,
                ))
            }
            let __x = <::error_catalog::Extra as ::core::default::Default>::default();
            match __entry {
                0usize => {
                    match __b0(__problem, __s, __holes) {
                        __p::Ok((documentation_url,)) => {
                            __p::Ok(Self::CouldNotRoute {
                                documentation_url,
                                extra: __x,
                            })
                        }
                        __p::Err(__e) => __p::Err(__e),
                    }
                }
                _ => __p::Err(::std::string::String::from("no variant for this entry")),
            }
        }
        fn unknown(__f: __p::Fallback<'_>) -> Self {
            Self::Unknown(::core::convert::From::from(__f))
        }
        fn extra_mut(&mut self) -> __p::Option<&mut ::error_catalog::Extra> {
            match self {
                Self::CouldNotRoute { extra, .. } => __p::Some(extra),
                _ => __p::None,
            }
        }
        fn template_renders(&self, __t: &str) -> bool {
            match self {
                Self::CouldNotRoute { .. } => __t == "Could not route to the object",
                _ => __p::display_eq(self, __t),
            }
        }
        fn declared(
            &self,
            __t: __p::EnvelopeText,
        ) -> __p::Option<::std::borrow::Cow<'_, str>> {
            match __t {
                __p::EnvelopeText::Suggestion => {
                    ::error_catalog::ApiError::suggestion(self)
                        .map(::std::borrow::Cow::Borrowed)
                }
                __p::EnvelopeText::DocsUrl => {
                    ::error_catalog::ApiError::docs_url(self)
                        .map(::std::borrow::Cow::Borrowed)
                }
                __p::EnvelopeText::FixCommand => {
                    ::error_catalog::ApiError::fix_command(self)
                }
            }
        }
    }
    #[derive(Default)]
    #[allow(dead_code)]
    enum __Typed<'b> {
        #[default]
        None,
        S0 { __t0: __p::Option<::core::option::Option<::std::borrow::Cow<'b, str>>> },
        Body(::core::marker::PhantomData<&'b str>),
    }
    #[derive(Default)]
    pub struct __Fast<'b, const __OWN: bool> {
        raw: __p::LazyCapture<'b>,
        kept: __p::Option<__p::RawMembers>,
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
                    if self.code.is_some() {
                        return __p::Err(__twice());
                    }
                    let __code = {
                        let __raw: &'b __p::serde_json::value::RawValue = __p::serde::de::MapAccess::next_value(
                            __map,
                        )?;
                        if !__p::canonical_int(__raw.get()) {
                            return __p::Err(
                                <__A::Error as __p::serde::de::Error>::custom(
                                    "the code is not an integer",
                                ),
                            );
                        }
                        ::std::borrow::Cow::Borrowed(__raw.get())
                    };
                    self.entry = match &*__code {
                        "7003" => __p::Some(0usize),
                        _ => __p::None,
                    };
                    self.typed = match self.entry {
                        #[allow(unreachable_patterns)]
                        __p::Some(__e) => {
                            match __e {
                                0usize => __Typed::S0 { __t0: __p::None },
                                _ => __Typed::None,
                            }
                        }
                        __p::None => __Typed::None,
                    };
                    self.code = __p::Some(__code);
                }
                1usize => {
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
                __Typed::S0 { __t0 } => {
                    if __t0.is_none() && __key == "documentation_url" {
                        return __p::read_text::<__OWN, _, _>(__t0, __map);
                    }
                }
                _ => {}
            }
            __p::engine::Sink::member(self.raw.make(), __key, __map)
        }
        fn extra(
            &mut self,
            __pointer: &__p::engine::PointerTo<'_>,
            __raw: &str,
        ) -> __p::Result<(), __p::TooLong> {
            if self.on {
                let __kept = self
                    .kept
                    .get_or_insert_with(::core::default::Default::default);
                return __kept.push_with(|__s| __pointer.write(__s), __raw);
            }
            __p::engine::Sink::extra(self.raw.make(), __pointer, __raw)
        }
        fn own_extras(&mut self) -> __p::Option<&mut __p::RawMembers> {
            self.kept.as_mut()
        }
        #[inline(always)]
        fn walk(
            &mut self,
            __body: &'b [u8],
            __layout: &__p::Layout<'_>,
        ) -> __p::Result<(), __p::engine::CaptureError> {
            if self.on {
                __p::engine::walk_with(__body, __p::engine::Root(__Walk0(self)))
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
                    return self.code.take();
                }
                if __slot == 1usize {
                    return self.message.take();
                }
            }
            self.raw.get_mut()?.slot_str(__slot)
        }
    }
    struct __Walk0<'s, 'b, const __OWN: bool>(&'s mut __Fast<'b, __OWN>);
    impl<'s, 'b, const __OWN: bool> __p::serde::de::DeserializeSeed<'b>
    for __Walk0<'s, 'b, __OWN> {
        type Value = u32;
        fn deserialize<__D: __p::serde::Deserializer<'b>>(
            self,
            __d: __D,
        ) -> __p::Result<u32, __D::Error> {
            __p::serde::Deserializer::deserialize_map(__d, self)
        }
    }
    impl<'s, 'b, const __OWN: bool> __p::serde::de::Visitor<'b>
    for __Walk0<'s, 'b, __OWN> {
        type Value = u32;
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
        ) -> __p::Result<u32, __A::Error> {
            let __names = |__k: &str| {
                if __k == "suggestion" {
                    return __p::Some(0usize);
                }
                if __k == "docs_url" {
                    return __p::Some(1usize);
                }
                if __k == "fix_command" {
                    return __p::Some(2usize);
                }
                if __k == "errors" {
                    return __p::Some(3usize);
                }
                __p::None
            };
            let mut __reached: u32 = 0;
            while let __p::Some(__k) = __p::serde::de::MapAccess::next_key_seed(
                &mut __map,
                __p::engine::KeySeed(__names),
            )? {
                match __k {
                    __p::engine::KeyOf::Named(0usize) => {
                        __p::engine::Sink::slot(&mut *self.0, 2usize, &mut __map)?;
                        __reached |= 4u32;
                    }
                    __p::engine::KeyOf::Named(1usize) => {
                        __p::engine::Sink::slot(&mut *self.0, 3usize, &mut __map)?;
                        __reached |= 8u32;
                    }
                    __p::engine::KeyOf::Named(2usize) => {
                        __p::engine::Sink::slot(&mut *self.0, 4usize, &mut __map)?;
                        __reached |= 16u32;
                    }
                    __p::engine::KeyOf::Named(3usize) => {
                        __reached
                            |= __p::serde::de::MapAccess::next_value_seed(
                                &mut __map,
                                __Walk1(&mut *self.0),
                            )?;
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
            __p::Ok(__reached)
        }
    }
    struct __Walk1<'s, 'b, const __OWN: bool>(&'s mut __Fast<'b, __OWN>);
    impl<'s, 'b, const __OWN: bool> __p::serde::de::DeserializeSeed<'b>
    for __Walk1<'s, 'b, __OWN> {
        type Value = u32;
        fn deserialize<__D: __p::serde::Deserializer<'b>>(
            self,
            __d: __D,
        ) -> __p::Result<u32, __D::Error> {
            __p::serde::Deserializer::deserialize_seq(__d, self)
        }
    }
    impl<'s, 'b, const __OWN: bool> __p::serde::de::Visitor<'b>
    for __Walk1<'s, 'b, __OWN> {
        type Value = u32;
        fn expecting(
            &self,
            __f: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            __f.write_str("a JSON array")
        }
        fn visit_seq<__S: __p::serde::de::SeqAccess<'b>>(
            self,
            mut __seq: __S,
        ) -> __p::Result<u32, __S::Error> {
            let __p::Some(__got) = __p::serde::de::SeqAccess::next_element_seed(
                &mut __seq,
                __Walk2(&mut *self.0),
            )? else {
                return __p::Ok(0);
            };
            if (__got & (3u32 | __p::engine::FIELDS_REACHED))
                != (3u32 | __p::engine::FIELDS_REACHED)
            {
                return __p::Err(
                    <__S::Error as __p::serde::de::Error>::custom(
                        "a first element without all the wire names",
                    ),
                );
            }
            let mut __buf = [0u8; 20];
            let mut __index = 1usize;
            while let __p::Some(__raw) = __p::serde::de::SeqAccess::next_element::<
                &'b __p::serde_json::value::RawValue,
            >(&mut __seq)? {
                __p::engine::Sink::extra(
                        &mut *self.0,
                        &__p::engine::PointerTo::under(
                            &["errors"],
                            __p::engine::index_text(__index, &mut __buf),
                        ),
                        __raw.get(),
                    )
                    .map_err(<__S::Error as __p::serde::de::Error>::custom)?;
                __index += 1;
            }
            __p::Ok(__got)
        }
    }
    struct __Walk2<'s, 'b, const __OWN: bool>(&'s mut __Fast<'b, __OWN>);
    impl<'s, 'b, const __OWN: bool> __p::serde::de::DeserializeSeed<'b>
    for __Walk2<'s, 'b, __OWN> {
        type Value = u32;
        fn deserialize<__D: __p::serde::Deserializer<'b>>(
            self,
            __d: __D,
        ) -> __p::Result<u32, __D::Error> {
            __p::serde::Deserializer::deserialize_map(__d, self)
        }
    }
    impl<'s, 'b, const __OWN: bool> __p::serde::de::Visitor<'b>
    for __Walk2<'s, 'b, __OWN> {
        type Value = u32;
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
        ) -> __p::Result<u32, __A::Error> {
            let __names = |__k: &str| {
                if __k == "code" {
                    return __p::Some(0usize);
                }
                if __k == "message" {
                    return __p::Some(1usize);
                }
                __p::None
            };
            let mut __reached: u32 = __p::engine::FIELDS_REACHED;
            while let __p::Some(__k) = __p::serde::de::MapAccess::next_key_seed(
                &mut __map,
                __p::engine::KeySeed(__names),
            )? {
                match __k {
                    __p::engine::KeyOf::Named(0usize) => {
                        __p::engine::Sink::slot(&mut *self.0, 0usize, &mut __map)?;
                        __reached |= 1u32;
                    }
                    __p::engine::KeyOf::Named(1usize) => {
                        __p::engine::Sink::slot(&mut *self.0, 1usize, &mut __map)?;
                        __reached |= 2u32;
                    }
                    __p::engine::KeyOf::Other(__key) => {
                        __p::engine::Sink::member(&mut *self.0, __key, &mut __map)?
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
            __p::Ok(__reached)
        }
    }
    #[automatically_derived]
    impl ::error_catalog::FromResponse for CfError {
        const SUCCESS_IN_BODY: bool = false;
        const ERRORS_AT: &'static [&'static str] = &["errors", "*"];
        fn is_success(status: u16, body: &[u8]) -> bool {
            __p::SuccessRule {
                marks: &[],
                marker: __p::Some(&["errors", "*", "code"]),
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
    impl __p::serde::Serialize for CfError {
        fn serialize<__S: __p::serde::Serializer>(
            &self,
            __s: __S,
        ) -> __p::Result<__S::Ok, __S::Error> {
            __p::Render::serialize_envelope(self, __s, false)
        }
    }
    #[automatically_derived]
    impl __p::Render for CfError {
        fn render(
            &self,
            __f: &mut ::core::fmt::Formatter<'_>,
            __public: bool,
        ) -> ::core::fmt::Result {
            static __SEGS: [&[__p::Seg]; 1usize] = [
                &[__p::Seg::Lit("Could not route to the object")],
            ];
            match self {
                Self::CouldNotRoute { extra, .. } => {
                    __p::render_segs(__f, __public, __SEGS[0usize], &[], extra.message())
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
                __this: &CfError,
                __code: &'static str,
                documentation_url: &Option<String>,
                extra: &::error_catalog::Extra,
            ) -> __p::Result<__S::Ok, __S::Error> {
                __p::serde::Serialize::serialize(
                    &__p::Obj((
                        __p::KeptOr(
                            "suggestion",
                            "/suggestion",
                            if __public { __p::None } else { __p::Some(extra) },
                            __p::None::<&str>,
                        ),
                        __p::KeptOr(
                            "docs_url",
                            "/docs_url",
                            if __public { __p::None } else { __p::Some(extra) },
                            __p::None::<&str>,
                        ),
                        __p::KeptOr(
                            "fix_command",
                            "/fix_command",
                            if __public { __p::None } else { __p::Some(extra) },
                            __p::None::<&str>,
                        ),
                        __p::Member(
                            "errors",
                            &__p::Placed(
                                if __public { __p::None } else { __p::Some(extra) },
                                "/errors",
                                &[],
                                1usize,
                                (
                                    __p::At(
                                        __p::Role::Selected(0usize),
                                        __p::Element(
                                            &__p::Obj((
                                                __p::Member("code", &7003i64),
                                                __p::Member("message", &__p::MessageStr(__this, __public)),
                                                __p::OptMember("documentation_url", documentation_url),
                                                __p::When(
                                                    !__public,
                                                    __p::ExtraMembers(
                                                        __p::Some(extra),
                                                        "/errors/*",
                                                        &["code", "message", "documentation_url"],
                                                    ),
                                                ),
                                            )),
                                        ),
                                    ),
                                ),
                            ),
                        ),
                        __p::When(
                            !__public,
                            __p::ExtraMembers(
                                __p::Some(extra),
                                "",
                                &["suggestion", "docs_url", "fix_command", "errors"],
                            ),
                        ),
                    )),
                    __s,
                )
            }
            match self {
                Self::CouldNotRoute { documentation_url, extra, .. } => {
                    __w0(__s, __public, self, "7003", documentation_url, extra)
                }
                Self::Unknown(__u) => {
                    if __public {
                        __p::serde::Serialize::serialize(
                            &__p::Obj((
                                __p::Member(
                                    "errors",
                                    &__p::Placed(
                                        __p::None,
                                        "/errors",
                                        &[],
                                        1usize,
                                        (
                                            __p::At(
                                                __p::Role::Selected(0usize),
                                                __p::Element(
                                                    &__p::Obj((
                                                        __p::Member("message", "unrecognised upstream error"),
                                                    )),
                                                ),
                                            ),
                                        ),
                                    ),
                                ),
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
    #[automatically_derived]
    impl<'de> __p::serde::Deserialize<'de> for CfError {
        fn deserialize<__D: __p::serde::Deserializer<'de>>(
            __d: __D,
        ) -> __p::Result<Self, __D::Error> {
            __p::deserialize_via_json(
                __d,
                |__b| __p::decode::<Self>(__p::None, __b, &__PLAN, &(), false),
            )
        }
    }
    ::error_catalog::__impl_integrations!(
        CfError, "CfError",
        "{\"oneOf\":[{\"$ref\":\"#/components/schemas/CfErrorCouldNotRoute\"}],\"title\":\"CfError error\"}",
        "{\"CfErrorCouldNotRoute\":{\"description\":\"HTTP 400: Could not route to the object\",\"properties\":{\"docs_url\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},\"errors\":{\"contains\":{\"properties\":{\"code\":{\"const\":7003},\"documentation_url\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},\"message\":{\"type\":\"string\"}},\"required\":[\"code\",\"message\"],\"type\":\"object\"},\"type\":\"array\"},\"fix_command\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},\"suggestion\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}},\"required\":[\"errors\"],\"title\":\"7003\",\"type\":\"object\"}}",
        "{\"400\":{\"content\":{\"application/json\":{\"examples\":{\"CouldNotRoute\":{\"summary\":\"Could not route to the object\",\"value\":{\"errors\":[{\"code\":7003,\"documentation_url\":\"<string?>\",\"message\":\"Could not route to the object\"}]}}},\"schema\":{\"$ref\":\"#/components/schemas/CfErrorCouldNotRoute\"}}},\"description\":\"HTTP 400: 7003\"}}"
    );
};
