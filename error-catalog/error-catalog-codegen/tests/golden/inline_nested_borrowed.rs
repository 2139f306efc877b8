/// [`ShopError`] with its text fields borrowed from the response body: [`ShopErrorRef::from_response`] copies no text that has no escapes, where [`ShopError`] owns a copy of each. [`ShopErrorRef::into_owned`] gives the enum.
#[derive(::core::fmt::Debug)]
pub enum ShopErrorRef<'b> {
    /// [`ShopError::NotFound`] (`NOT_FOUND`), its text borrowed from the body.
    NotFound {
        /// `id` on the wire.
        id: ::std::borrow::Cow<'b, str>,
        /// `note` on the wire.
        note: ::core::option::Option<::std::borrow::Cow<'b, str>>,
        /// What the received body carried beyond the declared fields.
        extra: ::error_catalog::Extra,
    },
    /// [`ShopError::Busy`] (`BUSY`), its text borrowed from the body.
    Busy,
    /// [`ShopError::Unknown`]: a response the enum does not describe, kept whole.
    Unknown(::error_catalog::UnknownError),
}
#[allow(non_upper_case_globals)]
const _: () = {
    use ::error_catalog::__private as __p;
    const __INFO: &[::error_catalog::CodeInfo] = &[
        ::error_catalog::CodeInfo {
            code: "NOT_FOUND",
            variant: "NotFound",
            status: __p::Some(404u16),
            message: "Customer {id} not found",
            title: __p::None,
            cause: __p::None,
            suggestion: __p::None,
            docs_url: __p::None,
            fix_command: __p::None,
            retry: ::error_catalog::RetryRule::Never,
        },
        ::error_catalog::CodeInfo {
            code: "BUSY",
            variant: "Busy",
            status: __p::Some(503u16),
            message: "Busy",
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
            code: "NOT_FOUND",
            status: __p::Some(404u16),
            patterns: &[],
            by_status: false,
            when: &[],
            code_in_body: true,
            range: __p::None,
        },
        __p::Entry {
            code: "BUSY",
            status: __p::Some(503u16),
            patterns: &[],
            by_status: false,
            when: &[],
            code_in_body: true,
            range: __p::None,
        },
    ];
    static __BY_CODE: [u32; 8usize] = [
        4294967295u32, 4294967295u32, 4294967295u32, 4294967295u32, 4294967295u32,
        1971716096u32, 4294967295u32, 3745579009u32,
    ];
    static __CODE_KEYS: [__p::CodeKey; 2usize] = [
        __p::CodeKey::of("NOT_FOUND"),
        __p::CodeKey::of("BUSY"),
    ];
    static __PLAN: __p::Plan<'static> = __p::Plan {
        layout: __p::Layout {
            slots: &[&["error", "code"], &["error", "message"]],
            fields_at: __p::Some(&["error"]),
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
        fields_at: "/error",
        typed: true,
        classify: __p::None,
        lone: __p::None,
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
    #[automatically_derived]
    impl ::error_catalog::ErrorCatalog for ShopError {
        const SERVICE: &'static str = "shop_error";
        const CODES: &'static [::error_catalog::CodeInfo] = __INFO;
    }
    #[automatically_derived]
    impl ::core::fmt::Display for ShopError {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __p::Render::render(self, __f, false)
        }
    }
    #[automatically_derived]
    impl ::std::error::Error for ShopError {}
    #[automatically_derived]
    #[allow(unreachable_patterns)]
    impl ::error_catalog::ApiError for ShopError {
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
                Self::NotFound { .. } => __p::Some(&__INFO[0usize]),
                Self::Busy => __p::Some(&__INFO[1usize]),
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
                Self::NotFound { id, note, .. } => {
                    __p::put(&mut __m, "id", id);
                    __p::put(&mut __m, "note", note);
                }
                Self::Busy => {}
                Self::Unknown(_) => {}
            }
            __m
        }
    }
    #[automatically_derived]
    #[allow(unreachable_patterns)]
    impl<'b> __p::Decode<'b> for ShopError {
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
            ) -> __p::Result<(String, Option<String>), ::std::string::String> {
                let (__t0, __t1) = match ::core::mem::take(&mut __s.typed) {
                    __Typed::S0 { __t0, __t1 } => (__t0, __t1),
                    _ => (__p::None, __p::None),
                };
                __p::Ok((
                    __p::typed_or_field(
                        __t0.map(__p::Text::owned),
                        __s,
                        __p::FieldAt::Member("id"),
                        "id",
                        __p::field_string,
                    )?,
                    __p::typed_or_optional(
                        __t1.map(__p::Text::owned),
                        __s,
                        __p::FieldAt::Member("note"),
                        "note",
                        __p::field_opt_string,
                    )?,
                ))
            }
            let __x = <::error_catalog::Extra as ::core::default::Default>::default();
            match __entry {
                0usize => {
                    match __b0(__problem, __s, __holes) {
                        __p::Ok((id, note)) => {
                            __p::Ok(Self::NotFound {
                                id,
                                note,
                                extra: __x,
                            })
                        }
                        __p::Err(__e) => __p::Err(__e),
                    }
                }
                1usize => __p::Ok(Self::Busy),
                _ => __p::Err(::std::string::String::from("no variant for this entry")),
            }
        }
        fn unknown(__f: __p::Fallback<'_>) -> Self {
            Self::Unknown(::core::convert::From::from(__f))
        }
        fn extra_mut(&mut self) -> __p::Option<&mut ::error_catalog::Extra> {
            match self {
                Self::NotFound { extra, .. } => __p::Some(extra),
                _ => __p::None,
            }
        }
        fn template_renders(&self, __t: &str) -> bool {
            match self {
                Self::Busy => __t == "Busy",
                _ => __p::display_eq(self, __t),
            }
        }
    }
    #[derive(Default)]
    #[allow(dead_code)]
    enum __Typed<'b> {
        #[default]
        None,
        S0 {
            __t0: __p::Option<::std::borrow::Cow<'b, str>>,
            __t1: __p::Option<::core::option::Option<::std::borrow::Cow<'b, str>>>,
        },
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
                    let __code = __p::serde::de::MapAccess::next_value_seed(
                        __map,
                        __p::engine::StrSeed,
                    )?;
                    self.entry = match &*__code {
                        "NOT_FOUND" => __p::Some(0usize),
                        "BUSY" => __p::Some(1usize),
                        _ => __p::None,
                    };
                    self.typed = match self.entry {
                        #[allow(unreachable_patterns)]
                        __p::Some(__e) => {
                            match __e {
                                0usize => {
                                    __Typed::S0 {
                                        __t0: __p::None,
                                        __t1: __p::None,
                                    }
                                }
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
                __Typed::S0 { __t0, __t1 } => {
                    if __t0.is_none() && __key == "id" {
                        return __p::read_text::<__OWN, _, _>(__t0, __map);
                    }
                    if __t1.is_none() && __key == "note" {
                        return __p::read_text::<__OWN, _, _>(__t1, __map);
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
                        __p::serde::de::MapAccess::next_value_seed(
                            &mut __map,
                            __Walk1(&mut *self.0),
                        )?
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
    struct __Walk1<'s, 'b, const __OWN: bool>(&'s mut __Fast<'b, __OWN>);
    impl<'s, 'b, const __OWN: bool> __p::serde::de::DeserializeSeed<'b>
    for __Walk1<'s, 'b, __OWN> {
        type Value = ();
        fn deserialize<__D: __p::serde::Deserializer<'b>>(
            self,
            __d: __D,
        ) -> __p::Result<(), __D::Error> {
            __p::serde::Deserializer::deserialize_map(__d, self)
        }
    }
    impl<'s, 'b, const __OWN: bool> __p::serde::de::Visitor<'b>
    for __Walk1<'s, 'b, __OWN> {
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
                if __k == "code" {
                    return __p::Some(0usize);
                }
                if __k == "message" {
                    return __p::Some(1usize);
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
                    __p::engine::KeyOf::Named(1usize) => {
                        __p::engine::Sink::slot(&mut *self.0, 1usize, &mut __map)?
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
            __p::Ok(())
        }
    }
    #[automatically_derived]
    #[allow(unreachable_patterns)]
    impl<'b> __p::Decode<'b> for ShopErrorRef<'b> {
        type Context = bool;
        type Sink = __Fast<'b, false>;
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
                __s: &mut __Fast<'b, false>,
                __holes: &[(usize, &str)],
            ) -> __p::Result<
                (
                    ::std::borrow::Cow<'b, str>,
                    ::core::option::Option<::std::borrow::Cow<'b, str>>,
                ),
                ::std::string::String,
            > {
                let (__t0, __t1) = match ::core::mem::take(&mut __s.typed) {
                    __Typed::S0 { __t0, __t1 } => (__t0, __t1),
                    _ => (__p::None, __p::None),
                };
                __p::Ok((
                    __p::typed_or(
                        __t0,
                        || __p::read_field(
                            __s,
                            __p::FieldAt::Member("id"),
                            "id",
                            |__r, __n| {
                                (__p::field_string(__r, __n))
                                    .map(<::std::borrow::Cow<'b, str> as __p::Text<'b>>::lent)
                            },
                        ),
                    )?,
                    __p::typed_or(
                        __t1,
                        || __p::read_optional(
                            __s,
                            __p::FieldAt::Member("note"),
                            "note",
                            |__r, __n| {
                                (__p::field_opt_string(__r, __n))
                                    .map(
                                        <::core::option::Option<
                                            ::std::borrow::Cow<'b, str>,
                                        > as __p::Text<'b>>::lent,
                                    )
                            },
                        ),
                    )?,
                ))
            }
            let __x = <::error_catalog::Extra as ::core::default::Default>::default();
            match __entry {
                0usize => {
                    match __b0(__problem, __s, __holes) {
                        __p::Ok((id, note)) => {
                            __p::Ok(Self::NotFound {
                                id,
                                note,
                                extra: __x,
                            })
                        }
                        __p::Err(__e) => __p::Err(__e),
                    }
                }
                1usize => __p::Ok(Self::Busy),
                _ => __p::Err(::std::string::String::from("no variant for this entry")),
            }
        }
        fn unknown(__f: __p::Fallback<'_>) -> Self {
            Self::Unknown(::core::convert::From::from(__f))
        }
        fn extra_mut(&mut self) -> __p::Option<&mut ::error_catalog::Extra> {
            match self {
                Self::NotFound { extra, .. } => __p::Some(extra),
                _ => __p::None,
            }
        }
        fn template_renders(&self, __t: &str) -> bool {
            match self {
                Self::Busy => __t == "Busy",
                _ => __p::display_eq(self, __t),
            }
        }
    }
    #[automatically_derived]
    impl ::error_catalog::FromResponse for ShopError {
        const SUCCESS_IN_BODY: bool = false;
        fn is_success(status: u16, body: &[u8]) -> bool {
            __p::SuccessRule {
                marks: &[],
                marker: __p::Some(&["error", "code"]),
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
    impl __p::serde::Serialize for ShopError {
        fn serialize<__S: __p::serde::Serializer>(
            &self,
            __s: __S,
        ) -> __p::Result<__S::Ok, __S::Error> {
            __p::Render::serialize_envelope(self, __s, false)
        }
    }
    #[automatically_derived]
    impl __p::Render for ShopError {
        fn render(
            &self,
            __f: &mut ::core::fmt::Formatter<'_>,
            __public: bool,
        ) -> ::core::fmt::Result {
            static __SEGS: [&[__p::Seg]; 2usize] = [
                &[
                    __p::Seg::Lit("Customer "),
                    __p::Seg::Value(0usize),
                    __p::Seg::Lit(" not found"),
                ],
                &[__p::Seg::Lit("Busy")],
            ];
            match self {
                Self::NotFound { id, extra, .. } => {
                    __p::render_segs(
                        __f,
                        __public,
                        __SEGS[0usize],
                        &[id],
                        extra.message(),
                    )
                }
                Self::Busy => {
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
                __this: &ShopError,
                __code: &'static str,
                id: &String,
                note: &Option<String>,
                extra: &::error_catalog::Extra,
            ) -> __p::Result<__S::Ok, __S::Error> {
                __p::serde::Serialize::serialize(
                    &__p::Obj((
                        __p::Member(
                            "error",
                            &__p::Obj((
                                __p::Member("code", __code),
                                __p::Member("message", &__p::MessageStr(__this, __public)),
                                __p::Member("id", id),
                                __p::OptMember("note", note),
                                __p::When(
                                    !__public,
                                    __p::ExtraMembers(
                                        __p::Some(extra),
                                        "/error",
                                        &["code", "message", "id", "note"],
                                    ),
                                ),
                            )),
                        ),
                        __p::When(
                            !__public,
                            __p::ExtraMembers(__p::Some(extra), "", &["error"]),
                        ),
                    )),
                    __s,
                )
            }
            #[allow(unused_variables, clippy::too_many_arguments, clippy::ptr_arg)]
            fn __w1<__S: __p::serde::Serializer>(
                __s: __S,
                __public: bool,
                __this: &ShopError,
                __code: &'static str,
            ) -> __p::Result<__S::Ok, __S::Error> {
                __p::serde::Serialize::serialize(
                    &__p::Obj((
                        __p::Member(
                            "error",
                            &__p::Obj((
                                __p::Member("code", __code),
                                __p::Member("message", &__p::MessageStr(__this, __public)),
                            )),
                        ),
                    )),
                    __s,
                )
            }
            match self {
                Self::NotFound { id, note, extra, .. } => {
                    __w0(__s, __public, self, "NOT_FOUND", id, note, extra)
                }
                Self::Busy => __w1(__s, __public, self, "BUSY"),
                Self::Unknown(__u) => {
                    if __public {
                        __p::serde::Serialize::serialize(
                            &__p::Obj((
                                __p::Member(
                                    "error",
                                    &__p::Obj((
                                        __p::Member("message", "unrecognised upstream error"),
                                    )),
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
    impl<'de> __p::serde::Deserialize<'de> for ShopError {
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
        ShopError, "ShopError",
        "{\"oneOf\":[{\"$ref\":\"#/components/schemas/ShopErrorNotFound\"},{\"$ref\":\"#/components/schemas/ShopErrorBusy\"}],\"title\":\"ShopError error\"}",
        "{\"ShopErrorBusy\":{\"description\":\"HTTP 503: Busy\",\"properties\":{\"error\":{\"properties\":{\"code\":{\"enum\":[\"BUSY\"],\"type\":\"string\"},\"details\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},\"field\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},\"message\":{\"type\":\"string\"}},\"required\":[\"code\",\"message\"],\"type\":\"object\"}},\"required\":[\"error\"],\"title\":\"BUSY\",\"type\":\"object\"},\"ShopErrorNotFound\":{\"description\":\"HTTP 404: Customer {id} not found\",\"properties\":{\"error\":{\"properties\":{\"code\":{\"enum\":[\"NOT_FOUND\"],\"type\":\"string\"},\"details\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},\"field\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},\"id\":{\"type\":\"string\"},\"message\":{\"type\":\"string\"},\"note\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}},\"required\":[\"code\",\"message\",\"id\"],\"type\":\"object\"}},\"required\":[\"error\"],\"title\":\"NOT_FOUND\",\"type\":\"object\"}}",
        "{\"404\":{\"content\":{\"application/json\":{\"examples\":{\"NotFound\":{\"summary\":\"Customer {id} not found\",\"value\":{\"error\":{\"code\":\"NOT_FOUND\",\"id\":\"<string>\",\"message\":\"Customer {id} not found\",\"note\":\"<string?>\"}}}},\"schema\":{\"$ref\":\"#/components/schemas/ShopErrorNotFound\"}}},\"description\":\"HTTP 404: NOT_FOUND\"},\"503\":{\"content\":{\"application/json\":{\"examples\":{\"Busy\":{\"summary\":\"Busy\",\"value\":{\"error\":{\"code\":\"BUSY\",\"message\":\"Busy\"}}}},\"schema\":{\"$ref\":\"#/components/schemas/ShopErrorBusy\"}}},\"description\":\"HTTP 503: BUSY\"}}"
    );
    #[automatically_derived]
    impl ::core::fmt::Display for ShopErrorRef<'_> {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __p::Render::render(self, __f, false)
        }
    }
    #[automatically_derived]
    impl ::std::error::Error for ShopErrorRef<'_> {}
    #[automatically_derived]
    #[allow(unreachable_patterns)]
    impl ::error_catalog::ApiError for ShopErrorRef<'_> {
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
                Self::NotFound { .. } => __p::Some(&__INFO[0usize]),
                Self::Busy => __p::Some(&__INFO[1usize]),
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
                Self::NotFound { id, note, .. } => {
                    __p::put(&mut __m, "id", id);
                    __p::put(&mut __m, "note", note);
                }
                Self::Busy => {}
                Self::Unknown(_) => {}
            }
            __m
        }
    }
    #[automatically_derived]
    impl __p::serde::Serialize for ShopErrorRef<'_> {
        fn serialize<__S: __p::serde::Serializer>(
            &self,
            __s: __S,
        ) -> __p::Result<__S::Ok, __S::Error> {
            __p::Render::serialize_envelope(self, __s, false)
        }
    }
    #[automatically_derived]
    impl __p::Render for ShopErrorRef<'_> {
        fn render(
            &self,
            __f: &mut ::core::fmt::Formatter<'_>,
            __public: bool,
        ) -> ::core::fmt::Result {
            static __SEGS: [&[__p::Seg]; 2usize] = [
                &[
                    __p::Seg::Lit("Customer "),
                    __p::Seg::Value(0usize),
                    __p::Seg::Lit(" not found"),
                ],
                &[__p::Seg::Lit("Busy")],
            ];
            match self {
                Self::NotFound { id, extra, .. } => {
                    __p::render_segs(
                        __f,
                        __public,
                        __SEGS[0usize],
                        &[id],
                        extra.message(),
                    )
                }
                Self::Busy => {
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
            fn __w0<'b, __S: __p::serde::Serializer>(
                __s: __S,
                __public: bool,
                __this: &ShopErrorRef<'_>,
                __code: &'static str,
                id: &::std::borrow::Cow<'b, str>,
                note: &::core::option::Option<::std::borrow::Cow<'b, str>>,
                extra: &::error_catalog::Extra,
            ) -> __p::Result<__S::Ok, __S::Error> {
                __p::serde::Serialize::serialize(
                    &__p::Obj((
                        __p::Member(
                            "error",
                            &__p::Obj((
                                __p::Member("code", __code),
                                __p::Member("message", &__p::MessageStr(__this, __public)),
                                __p::Member("id", id),
                                __p::OptMember("note", note),
                                __p::When(
                                    !__public,
                                    __p::ExtraMembers(
                                        __p::Some(extra),
                                        "/error",
                                        &["code", "message", "id", "note"],
                                    ),
                                ),
                            )),
                        ),
                        __p::When(
                            !__public,
                            __p::ExtraMembers(__p::Some(extra), "", &["error"]),
                        ),
                    )),
                    __s,
                )
            }
            #[allow(unused_variables, clippy::too_many_arguments, clippy::ptr_arg)]
            fn __w1<'b, __S: __p::serde::Serializer>(
                __s: __S,
                __public: bool,
                __this: &ShopErrorRef<'_>,
                __code: &'static str,
            ) -> __p::Result<__S::Ok, __S::Error> {
                __p::serde::Serialize::serialize(
                    &__p::Obj((
                        __p::Member(
                            "error",
                            &__p::Obj((
                                __p::Member("code", __code),
                                __p::Member("message", &__p::MessageStr(__this, __public)),
                            )),
                        ),
                    )),
                    __s,
                )
            }
            match self {
                Self::NotFound { id, note, extra, .. } => {
                    __w0(__s, __public, self, "NOT_FOUND", id, note, extra)
                }
                Self::Busy => __w1(__s, __public, self, "BUSY"),
                Self::Unknown(__u) => {
                    if __public {
                        __p::serde::Serialize::serialize(
                            &__p::Obj((
                                __p::Member(
                                    "error",
                                    &__p::Obj((
                                        __p::Member("message", "unrecognised upstream error"),
                                    )),
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
    impl<'b> ShopErrorRef<'b> {
        /// Classifies `body` received with `status`, as [`ShopError`]'s `FromResponse::from_response` does, borrowing text from `body`.
        #[must_use]
        pub fn from_response(status: u16, body: &'b [u8]) -> Self {
            __p::decode::<Self>(__p::Some(status), body, &__PLAN, &(), false)
        }
        /// Classifies an `application/problem+json` body, as [`ShopError`]'s `FromResponse::from_problem_json` does, borrowing text from `body`.
        #[must_use]
        pub fn from_problem_json(status: u16, body: &'b [u8]) -> Self {
            __p::decode::<Self>(__p::Some(status), body, &__PROBLEM, &(), true)
        }
        /// The [`ShopError`] this view shows, copying the text it borrows.
        #[must_use]
        pub fn into_owned(self) -> ShopError {
            match self {
                Self::NotFound { id, note, extra } => {
                    ShopError::NotFound {
                        id: __p::Text::owned(id),
                        note: __p::Text::owned(note),
                        extra,
                    }
                }
                Self::Busy => ShopError::Busy,
                Self::Unknown(__u) => ShopError::Unknown(__u),
            }
        }
    }
    #[automatically_derived]
    impl ::core::convert::From<ShopErrorRef<'_>> for ShopError {
        fn from(view: ShopErrorRef<'_>) -> Self {
            view.into_owned()
        }
    }
};
