//! Fact values and three-valued truth.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A concrete value of a fact, a parameter or a literal in a condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// A yes/no answer.
    Bool(bool),
    /// A number; units are declared on the fact, not carried by the value.
    Number(f64),
    /// A calendar date (ISO 8601).
    Date(Date),
    /// A single enumerated value or free text.
    Text(String),
    /// A set of enumerated values (or region codes), kept sorted and deduplicated.
    Set(Vec<String>),
}

impl Value {
    /// A short name of the value's type, used in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Bool(_) => "bool",
            Value::Number(_) => "number",
            Value::Date(_) => "date",
            Value::Text(_) => "text",
            Value::Set(_) => "set",
        }
    }

    /// Builds a set value, sorted and without duplicates, so that membership tests can binary-search.
    pub fn set<I: IntoIterator<Item = String>>(items: I) -> Value {
        let mut v: Vec<String> = items.into_iter().collect();
        v.sort();
        v.dedup();
        Value::Set(v)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => write!(f, "{}", format_number(*n)),
            Value::Date(d) => write!(f, "{d}"),
            Value::Text(s) => write!(f, "\"{s}\""),
            Value::Set(items) => {
                write!(f, "[")?;
                for (i, s) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "\"{s}\"")?;
                }
                write!(f, "]")
            }
        }
    }
}

/// Formats a number readably: integers without a fraction, very large or small numbers in scientific notation.
pub fn format_number(n: f64) -> String {
    if n != 0.0 && (n.abs() >= 1e9 || n.abs() < 1e-3) {
        format!("{n:e}")
    } else if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Kleene three-valued truth: a condition over facts the manifest does not give is `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Truth {
    /// The condition holds.
    True,
    /// The condition does not hold.
    False,
    /// The condition depends on facts that are not known.
    Unknown,
}

impl std::ops::Not for Truth {
    type Output = Truth;
    /// Kleene negation.
    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

impl Truth {
    /// From a plain boolean.
    pub fn from_bool(b: bool) -> Truth {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
}

impl fmt::Display for Truth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Truth::True => "true",
            Truth::False => "false",
            Truth::Unknown => "unknown",
        })
    }
}
