//! JSON documents with their keys sorted, written straight from the typed answers.
//!
//! The contract of docs/output.md is what `serde_json::to_value` and `to_string_pretty` gave: every object's keys
//! in byte order (a `Value` object is a sorted map), two-space indentation. Building that `Value` tree first cost
//! most of an assessment's time in the service (a string per key and per value, a map per object, for a 75 KB
//! document). This serializer writes the same bytes without the tree: scalars and arrays go straight to the
//! output; an object writes each member's value into a scratch buffer, then sorts the members by key and copies
//! them out. It follows `Value`'s rules where they matter: non-finite floats become `null`, `f32` is widened to
//! `f64`, map keys may be strings, characters, booleans or integers, and a repeated key keeps its last value.
//! [`compact`] writes the same document without whitespace (the service's answer to programs that ask for it).

use serde::ser::{self, Serialize};
use std::borrow::Cow;
use std::fmt::Display;

/// Why a value could not be written as JSON (a map key that is not a string, a number or a character, or a
/// `Serialize` implementation that failed).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct JsonError(String);

impl ser::Error for JsonError {
    fn custom<T: Display>(msg: T) -> JsonError {
        JsonError(msg.to_string())
    }
}

/// `value` as pretty JSON with sorted keys: the bytes of `serde_json::to_string_pretty(&to_value(value))`.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    write(value, true)
}

/// `value` as compact JSON with sorted keys: the bytes of `serde_json::to_string(&to_value(value))`.
pub fn compact<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    write(value, false)
}

fn write<T: Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String, JsonError> {
    let mut out = Vec::with_capacity(16 * 1024);
    value.serialize(Writer {
        out: &mut out,
        indent: 0,
        pretty,
    })?;
    // Only `str`s and the escapes of serde_json are written: always UTF-8.
    String::from_utf8(out).map_err(|e| JsonError(e.to_string()))
}

/// Writes one value at an indentation level (the caller has written what comes before it on its line).
struct Writer<'o> {
    out: &'o mut Vec<u8>,
    indent: usize,
    pretty: bool,
}

fn newline(out: &mut Vec<u8>, indent: usize, pretty: bool) {
    if pretty {
        out.push(b'\n');
        out.resize(out.len() + 2 * indent, b' ');
    }
}

fn string(out: &mut Vec<u8>, s: &str) -> Result<(), JsonError> {
    // serde_json's own escaping, so the bytes match.
    serde_json::to_writer(out, s).map_err(|e| JsonError(e.to_string()))
}

fn scalar<T: Serialize>(out: &mut Vec<u8>, v: T) -> Result<(), JsonError> {
    serde_json::to_writer(out, &v).map_err(|e| JsonError(e.to_string()))
}

fn float(out: &mut Vec<u8>, v: f64) -> Result<(), JsonError> {
    if v.is_finite() {
        scalar(out, v)
    } else {
        out.extend_from_slice(b"null");
        Ok(())
    }
}

impl<'o> Writer<'o> {
    fn seq(self) -> Seq<'o> {
        self.out.push(b'[');
        Seq {
            out: self.out,
            indent: self.indent,
            pretty: self.pretty,
            empty: true,
        }
    }

    fn map(self, len: Option<usize>) -> Map<'o> {
        Map {
            out: self.out,
            indent: self.indent,
            pretty: self.pretty,
            scratch: Vec::new(),
            members: Vec::with_capacity(len.unwrap_or(8)),
            key: None,
        }
    }

    /// `{"variant": <value>}`, the external tagging of an enum variant.
    fn tagged<T: Serialize + ?Sized>(
        self,
        variant: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        let mut m = self.map(Some(1));
        ser::SerializeStruct::serialize_field(&mut m, variant, value)?;
        ser::SerializeStruct::end(m)
    }
}

/// An array: its elements are written straight to the output.
struct Seq<'o> {
    out: &'o mut Vec<u8>,
    indent: usize,
    pretty: bool,
    empty: bool,
}

impl Seq<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        newline(self.out, self.indent + 1, self.pretty);
        value.serialize(Writer {
            out: self.out,
            indent: self.indent + 1,
            pretty: self.pretty,
        })
    }

    fn finish(self) -> Result<(), JsonError> {
        if !self.empty {
            newline(self.out, self.indent, self.pretty);
        }
        self.out.push(b']');
        Ok(())
    }
}

/// An object: each member's value is written to `scratch`; `end` sorts the members by key and writes them.
struct Map<'o> {
    out: &'o mut Vec<u8>,
    indent: usize,
    pretty: bool,
    scratch: Vec<u8>,
    members: Vec<(Cow<'static, str>, std::ops::Range<usize>)>,
    key: Option<Cow<'static, str>>,
}

impl Map<'_> {
    fn member<T: Serialize + ?Sized>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), JsonError> {
        let start = self.scratch.len();
        value.serialize(Writer {
            out: &mut self.scratch,
            indent: self.indent + 1,
            pretty: self.pretty,
        })?;
        self.members.push((key, start..self.scratch.len()));
        Ok(())
    }

    fn finish(mut self) -> Result<(), JsonError> {
        // Stable: of members with the same key, the last one given wins (as inserting into a map).
        self.members.sort_by(|a, b| a.0.cmp(&b.0));
        self.out.push(b'{');
        let n = self.members.len();
        let mut first = true;
        for i in 0..n {
            let (key, range) = &self.members[i];
            if self.members.get(i + 1).is_some_and(|next| next.0 == *key) {
                continue;
            }
            if !first {
                self.out.push(b',');
            }
            first = false;
            newline(self.out, self.indent + 1, self.pretty);
            string(self.out, key)?;
            self.out
                .extend_from_slice(if self.pretty { b": " } else { b":" });
            self.out.extend_from_slice(&self.scratch[range.clone()]);
        }
        if n > 0 {
            newline(self.out, self.indent, self.pretty);
        }
        self.out.push(b'}');
        Ok(())
    }
}

impl<'o> ser::Serializer for Writer<'o> {
    type Ok = ();
    type Error = JsonError;
    type SerializeSeq = Seq<'o>;
    type SerializeTuple = Seq<'o>;
    type SerializeTupleStruct = Seq<'o>;
    type SerializeTupleVariant = TupleVariant<'o>;
    type SerializeMap = Map<'o>;
    type SerializeStruct = Map<'o>;
    type SerializeStructVariant = StructVariant<'o>;

    fn serialize_bool(self, v: bool) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), JsonError> {
        scalar(self.out, v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), JsonError> {
        // A `Value` holds every float as an f64.
        float(self.out, f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), JsonError> {
        float(self.out, v)
    }
    fn serialize_char(self, v: char) -> Result<(), JsonError> {
        string(self.out, v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), JsonError> {
        string(self.out, v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), JsonError> {
        let mut s = self.seq();
        for b in v {
            s.element(b)?;
        }
        s.finish()
    }
    fn serialize_none(self) -> Result<(), JsonError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), JsonError> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), JsonError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), JsonError> {
        string(self.out, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        self.tagged(variant, value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'o>, JsonError> {
        Ok(self.seq())
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'o>, JsonError> {
        Ok(self.seq())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Seq<'o>, JsonError> {
        Ok(self.seq())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<TupleVariant<'o>, JsonError> {
        Ok(TupleVariant {
            variant,
            outer: self.map(Some(1)),
            items: Vec::new(),
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Map<'o>, JsonError> {
        Ok(self.map(len))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Map<'o>, JsonError> {
        Ok(self.map(Some(len)))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<StructVariant<'o>, JsonError> {
        Ok(StructVariant {
            variant,
            outer: self.map(Some(1)),
            fields: Vec::new(),
        })
    }
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        self.element(value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.finish()
    }
}

impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        self.element(value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        self.element(value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.finish()
    }
}

impl ser::SerializeMap for Map<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), JsonError> {
        self.key = Some(Cow::Owned(key.serialize(KeyWriter)?));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| JsonError("a map value without its key".into()))?;
        self.member(key, value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.finish()
    }
}

impl ser::SerializeStruct for Map<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        self.member(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), JsonError> {
        self.finish()
    }
}

/// `{"variant": [...]}`: the items are kept as JSON text and written inside the wrapper at the end.
struct TupleVariant<'o> {
    variant: &'static str,
    outer: Map<'o>,
    items: Vec<serde_json::Value>,
}

impl ser::SerializeTupleVariant for TupleVariant<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonError> {
        // Rare (no aigov document has one): through a `Value`, which sorts the same way.
        self.items
            .push(serde_json::to_value(value).map_err(|e| JsonError(e.to_string()))?);
        Ok(())
    }
    fn end(mut self) -> Result<(), JsonError> {
        self.outer
            .member(Cow::Borrowed(self.variant), &self.items)?;
        self.outer.finish()
    }
}

/// `{"variant": {...}}`.
struct StructVariant<'o> {
    variant: &'static str,
    outer: Map<'o>,
    fields: Vec<(&'static str, serde_json::Value)>,
}

impl ser::SerializeStructVariant for StructVariant<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonError> {
        // Rare (aigov's enums are internally tagged): through a `Value`, which sorts the same way.
        self.fields.push((
            key,
            serde_json::to_value(value).map_err(|e| JsonError(e.to_string()))?,
        ));
        Ok(())
    }
    fn end(mut self) -> Result<(), JsonError> {
        let fields: serde_json::Map<String, serde_json::Value> = self
            .fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        self.outer.member(Cow::Borrowed(self.variant), &fields)?;
        self.outer.finish()
    }
}

/// A map key as a string, as `Value` accepts them.
struct KeyWriter;

impl ser::Serializer for KeyWriter {
    type Ok = String;
    type Error = JsonError;
    type SerializeSeq = ser::Impossible<String, JsonError>;
    type SerializeTuple = ser::Impossible<String, JsonError>;
    type SerializeTupleStruct = ser::Impossible<String, JsonError>;
    type SerializeTupleVariant = ser::Impossible<String, JsonError>;
    type SerializeMap = ser::Impossible<String, JsonError>;
    type SerializeStruct = ser::Impossible<String, JsonError>;
    type SerializeStructVariant = ser::Impossible<String, JsonError>;

    fn serialize_bool(self, v: bool) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _: f32) -> Result<String, JsonError> {
        Err(JsonError("a map key must be a string, not a float".into()))
    }
    fn serialize_f64(self, _: f64) -> Result<String, JsonError> {
        Err(JsonError("a map key must be a string, not a float".into()))
    }
    fn serialize_char(self, v: char) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, JsonError> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, JsonError> {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Result<String, JsonError> {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, JsonError> {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> Result<String, JsonError> {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, JsonError> {
        Err(not_a_key())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, JsonError> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, JsonError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, JsonError> {
        Err(not_a_key())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, JsonError> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, JsonError> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, JsonError> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, JsonError> {
        Err(not_a_key())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, JsonError> {
        Err(not_a_key())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, JsonError> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, JsonError> {
        Err(not_a_key())
    }
}

fn not_a_key() -> JsonError {
    JsonError("a map key must be a string, a number or a character".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashMap};

    /// What the documents were before: through a `Value` (sorted maps), then serde_json's printers.
    fn via_value<T: Serialize>(v: &T) -> (String, String) {
        let value = serde_json::to_value(v).unwrap();
        (
            serde_json::to_string_pretty(&value).unwrap(),
            serde_json::to_string(&value).unwrap(),
        )
    }

    fn same<T: Serialize>(v: &T) {
        let (p, c) = via_value(v);
        assert_eq!(pretty(v).unwrap(), p);
        assert_eq!(compact(v).unwrap(), c);
    }

    #[derive(serde::Serialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    enum Tagged {
        Zeta { b: u8, a: Vec<u8> },
        Alpha,
    }

    #[derive(serde::Serialize)]
    enum External {
        Unit,
        New(i32),
        Tuple(u8, String),
        Struct { z: bool, y: Option<f32> },
    }

    #[derive(serde::Serialize)]
    struct Inner {
        zz: &'static str,
        kind: &'static str,
        mm: HashMap<String, Vec<f64>>,
    }

    #[derive(serde::Serialize)]
    struct Outer {
        z_last: Vec<Tagged>,
        a_first: Option<Inner>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        none: Option<u8>,
        empty_list: Vec<u8>,
        empty_map: BTreeMap<u32, u8>,
        numbered: BTreeMap<i64, &'static str>,
        external: Vec<External>,
        text: String,
        floats: Vec<f64>,
        c: char,
        unit: (),
        nested: Vec<Vec<BTreeMap<String, u8>>>,
    }

    #[derive(serde::Serialize)]
    struct Wrapped<'a> {
        #[serde(flatten)]
        inner: &'a Inner,
        kind: &'a str,
        version: u128,
    }

    #[test]
    fn the_bytes_of_a_value_tree() {
        let inner = Inner {
            zz: "last",
            kind: "inner",
            mm: [
                ("b".to_string(), vec![1.5, -0.0, 1e300]),
                ("a".to_string(), vec![]),
                ("é".to_string(), vec![f64::NAN, f64::INFINITY]),
                ("B".to_string(), vec![0.1]),
            ]
            .into_iter()
            .collect(),
        };
        let outer = Outer {
            z_last: vec![
                Tagged::Zeta {
                    b: 2,
                    a: vec![1, 2],
                },
                Tagged::Alpha,
            ],
            a_first: Some(inner),
            skipped: None,
            none: None,
            empty_list: vec![],
            empty_map: BTreeMap::new(),
            numbered: [(10, "ten"), (-2, "minus two"), (9, "nine")]
                .into_iter()
                .collect(),
            external: vec![
                External::Unit,
                External::New(-7),
                External::Tuple(1, "t".into()),
                External::Struct {
                    z: true,
                    y: Some(0.1),
                },
            ],
            text: "quotes \" backslash \\ newline \n tab \t control \u{1} emoji 🙂 中文".into(),
            floats: vec![0.1, 3.0, -2.5e-8, f64::from(0.1f32)],
            c: '"',
            unit: (),
            nested: vec![
                vec![],
                vec![[("y".to_string(), 1), ("x".to_string(), 2)]
                    .into_iter()
                    .collect()],
            ],
        };
        same(&outer);
        // A flattened document with a member of the same name as an outer one: the outer one wins, as when
        // the envelope was inserted into the value.
        let inner = outer.a_first.as_ref().unwrap();
        let w = Wrapped {
            inner,
            kind: "outer",
            version: 1,
        };
        let mut v = serde_json::to_value(inner).unwrap();
        v["kind"] = "outer".into();
        v["version"] = 1.into();
        assert_eq!(
            pretty(&w).unwrap(),
            serde_json::to_string_pretty(&v).unwrap()
        );
        // Scalars and empty containers at the top.
        same(&1.25f32);
        same(&"top");
        same(&Vec::<u8>::new());
        same(&serde_json::json!({"b": {"d": [1, {"f": null, "e": true}], "c": {}}, "a": []}));
    }

    #[test]
    fn keys_that_are_not_strings_or_numbers_are_refused() {
        let m: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into_iter().collect();
        assert!(pretty(&m).is_err());
        assert!(serde_json::to_value(&m).is_err());
    }
}
