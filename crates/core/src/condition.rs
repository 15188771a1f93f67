//! Conditions: a subset of CEL (the Common Expression Language) compiled once into the engine's own
//! expression form, type-checked against the vocabulary, and evaluated in three-valued (Kleene) logic.
//!
//! Supported CEL: `&&`, `||`, `!`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, parentheses, literals (bool, int,
//! double, string, lists of strings), `date("2025-08-02")`, `has(subject.fact)`, `sets.intersects(a, b)`
//! and `sets.contains(a, b)` (from cel-go's sets extension), `size(set)`.
//! Names: `<subject>.<fact>` (facts), `params.<instrument>.<name>` (dated parameters),
//! `rules.<instrument>.<name>` (whether another rule's condition holds, exceptions included).

use crate::model::FactId;
use crate::value::{format_number, Truth, Value};
use crate::vocabulary::{did_you_mean, FactType};
use cel::common::ast::{Expr as CelExpr, IdedExpr, LiteralValue};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A compiled condition with its CEL source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// The CEL source as written in the corpus.
    pub source: String,
    /// The compiled expression.
    pub expr: Expr,
}

impl Condition {
    /// The condition that always holds (a rule with no `when`).
    pub fn always() -> Condition {
        Condition {
            source: "true".into(),
            expr: Expr::Lit(Value::Bool(true)),
        }
    }
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// Arithmetic operators on numbers (derived values such as `6 * N * D`, or ratios such as TPP per die area).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
}

impl ArithOp {
    fn symbol(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
        }
    }

    fn apply(self, a: f64, b: f64) -> f64 {
        match self {
            ArithOp::Add => a + b,
            ArithOp::Sub => a - b,
            ArithOp::Mul => a * b,
            ArithOp::Div => a / b,
        }
    }
}

/// The engine's expression form: small, fast to evaluate, and analysable (see [`Expr::reads`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expr {
    /// A literal.
    Lit(Value),
    /// A fact of the subject or its organization.
    Fact(FactId),
    /// A dated parameter (index into the corpus parameters), valued as of the assessment date.
    Param(usize),
    /// Whether another rule's condition (with its exceptions) holds.
    Rule(usize),
    /// Negation.
    Not(Box<Expr>),
    /// Conjunction.
    And(Vec<Expr>),
    /// Disjunction.
    Or(Vec<Expr>),
    /// Comparison of two values of one type.
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    /// Membership of a value in a set.
    In(Box<Expr>, Box<Expr>),
    /// Whether two sets share an element.
    Intersects(Box<Expr>, Box<Expr>),
    /// Whether the first set contains every element of the second.
    ContainsAll(Box<Expr>, Box<Expr>),
    /// The number of elements of a set.
    Size(Box<Expr>),
    /// Arithmetic on two numbers; unknown if either is unknown or the result is not finite (division by zero).
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    /// The largest (`max`) or smallest (`min`) of numbers; unknown if any is unknown.
    Extreme {
        /// `max` rather than `min`.
        max: bool,
        /// The numbers.
        args: Vec<Expr>,
    },
    /// Whether a fact is given (never unknown).
    Known(FactId),
    /// A set test on an enumerated set fact (at most 64 values), compiled to a bit mask: any of the bits
    /// (`in`, `sets.intersects`) or all of them (`sets.contains`). `form` is the test as written, for
    /// printing, analysis, and environments that do not precompute masks.
    Bits {
        /// The set fact.
        fact: FactId,
        /// The bits of the literal values, in vocabulary order.
        mask: u64,
        /// All bits must be set (`sets.contains`) rather than any.
        all: bool,
        /// The test as written.
        form: Box<Expr>,
    },
}

/// What an environment knows of a set fact's bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mask {
    /// The environment does not precompute masks: evaluate the test as written.
    NotAvailable,
    /// The fact is not given.
    Unknown,
    /// The fact's values as bits, in vocabulary order.
    Known(u64),
}

/// A static type used to check conditions when they are compiled.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// bool
    Bool,
    /// number
    Number,
    /// date
    Date,
    /// text, with the allowed values when enumerated
    Text(Option<Vec<String>>),
    /// set, with the allowed values when enumerated
    Set(Option<Vec<String>>),
}

impl Ty {
    fn name(&self) -> &'static str {
        match self {
            Ty::Bool => "bool",
            Ty::Number => "number",
            Ty::Date => "date",
            Ty::Text(_) => "text",
            Ty::Set(_) => "set",
        }
    }

    /// The static type of a fact type.
    pub fn of_fact(ty: &FactType) -> Ty {
        let ids =
            |v: &[crate::vocabulary::EnumValue]| Some(v.iter().map(|e| e.id.clone()).collect());
        match ty {
            FactType::Bool => Ty::Bool,
            FactType::Number { .. } => Ty::Number,
            FactType::Date => Ty::Date,
            FactType::Enum { values } => Ty::Text(ids(values)),
            FactType::Set { values } => Ty::Set(ids(values)),
            FactType::Regions => Ty::Set(None),
            FactType::Text => Ty::Text(None),
        }
    }

    /// The static type of a value.
    pub fn of_value(v: &Value) -> Ty {
        match v {
            Value::Bool(_) => Ty::Bool,
            Value::Number(_) => Ty::Number,
            Value::Date(_) => Ty::Date,
            Value::Text(_) => Ty::Text(None),
            Value::Set(_) => Ty::Set(None),
        }
    }
}

/// What names in a condition resolve to; implemented by the corpus builder.
pub trait Resolver {
    /// A fact by subject and name: its id and type.
    fn fact(&self, subject: &str, name: &str) -> Option<(FactId, Ty)>;
    /// Whether `name` is a subject kind (to tell a misspelt fact from a misspelt subject).
    fn is_subject(&self, name: &str) -> bool;
    /// The facts of a subject, for "did you mean".
    fn fact_names(&self, subject: &str) -> Vec<String>;
    /// A parameter by qualified id: its index and the type of its values.
    fn param(&self, id: &str) -> Option<(usize, Ty)>;
    /// A rule by qualified id.
    fn rule(&self, id: &str) -> Option<usize>;
}

/// A condition that does not compile: what is wrong, where in the source, and how to fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct CompileError {
    /// What is wrong.
    pub message: String,
    /// Byte range in the condition source, when known.
    pub span: Option<(usize, usize)>,
    /// How to fix it.
    pub hint: Option<String>,
}

impl CompileError {
    fn new(message: impl Into<String>) -> Self {
        CompileError {
            message: message.into(),
            span: None,
            hint: None,
        }
    }
    fn hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

/// Compiles a CEL condition against the vocabulary and corpus names; the result must be boolean.
pub fn compile(source: &str, resolver: &dyn Resolver) -> Result<Condition, CompileError> {
    let parsed = cel::parser::Parser::new()
        .parse_with_source_info(source)
        .map_err(|errs| {
            let first = errs.errors.first();
            let span = first.map(|e| {
                // The CEL parser reports a 1-based line and a 0-based column in characters: turn them into a
                // byte offset on a character boundary.
                let (line, col) = e.pos;
                let mut lines = source.split_inclusive('\n');
                let before: usize = lines.by_ref().take((line.max(1) - 1) as usize).map(str::len).sum();
                let within = lines
                    .next()
                    .map(|l| l.char_indices().nth(col.max(0) as usize).map(|(i, _)| i).unwrap_or(l.len()))
                    .unwrap_or(0);
                let offset = (before + within).min(source.len());
                (offset, offset)
            });
            CompileError {
                message: format!(
                    "syntax error in condition: {}",
                    first.map(|e| e.msg.as_str()).unwrap_or("unparsable")
                ),
                span,
                hint: Some("conditions are CEL expressions, e.g. `ai_system.biometric && \"deployer\" in ai_system.roles`".into()),
            }
        })?;
    let (ast, info) = parsed;
    let compiler = Compiler {
        resolver,
        info: &info,
    };
    let (expr, ty) = compiler.expr(&ast)?;
    if ty != Ty::Bool {
        return Err(CompileError::new(format!(
            "a condition must be boolean, this one is a {}",
            ty.name()
        ))
        .hint(Some(
            "compare the value, e.g. `model.training_compute_flop > 1e25`".into(),
        )));
    }
    Ok(Condition {
        source: source.to_string(),
        expr,
    })
}

/// Compiles a numeric CEL formula (a derived value, e.g. `6 * model.parameters_count * model.training_tokens`).
pub fn compile_formula(source: &str, resolver: &dyn Resolver) -> Result<Condition, CompileError> {
    let (ast, info) = cel::parser::Parser::new()
        .parse_with_source_info(source)
        .map_err(|errs| CompileError {
            message: format!(
                "syntax error in formula: {}",
                errs.errors.first().map(|e| e.msg.as_str()).unwrap_or("unparsable")
            ),
            span: None,
            hint: Some("formulas are CEL arithmetic, e.g. `6 * model.parameters_count * model.training_tokens`".into()),
        })?;
    let compiler = Compiler {
        resolver,
        info: &info,
    };
    let (expr, ty) = compiler.expr(&ast)?;
    if ty != Ty::Number {
        return Err(CompileError::new(format!(
            "a formula must give a number, this one gives a {}",
            ty.name()
        )));
    }
    if expr.rule_count() > 0 {
        return Err(CompileError::new("a formula may not refer to rules"));
    }
    Ok(Condition {
        source: source.to_string(),
        expr,
    })
}

struct Compiler<'a> {
    resolver: &'a dyn Resolver,
    info: &'a cel::common::ast::SourceInfo,
}

impl Compiler<'_> {
    fn err(&self, node: &IdedExpr, message: impl Into<String>) -> CompileError {
        CompileError {
            message: message.into(),
            span: self
                .info
                .offset_for(node.id)
                .map(|(a, b)| (a as usize, b as usize)),
            hint: None,
        }
    }

    fn expr(&self, node: &IdedExpr) -> Result<(Expr, Ty), CompileError> {
        match &node.expr {
            CelExpr::Literal(lit) => {
                let v = match lit {
                    LiteralValue::Boolean(b) => Value::Bool(**b),
                    LiteralValue::Int(i) => Value::Number(**i as f64),
                    LiteralValue::UInt(u) => Value::Number(**u as f64),
                    LiteralValue::Double(d) => Value::Number(**d),
                    LiteralValue::String(s) => Value::Text(s.to_string()),
                    _ => {
                        return Err(
                            self.err(node, "only bool, number and string literals are supported")
                        )
                    }
                };
                let ty = Ty::of_value(&v);
                Ok((Expr::Lit(v), ty))
            }
            CelExpr::List(list) => {
                let mut items = Vec::new();
                for e in &list.elements {
                    match &e.expr {
                        CelExpr::Literal(LiteralValue::String(s)) => items.push(s.to_string()),
                        _ => return Err(self.err(e, "list literals may only hold strings")),
                    }
                }
                Ok((Expr::Lit(Value::set(items)), Ty::Set(None)))
            }
            CelExpr::Ident(name) => Err(self.name_error(node, &[name.as_str()])),
            // `has(subject.fact)`: the CEL parser expands the macro into a presence-test selection.
            CelExpr::Select(sel) if sel.test => {
                let mut path = qualified(&sel.operand).ok_or_else(|| {
                    self.err(
                        node,
                        "`has` takes a fact, e.g. `has(model.training_compute_flop)`",
                    )
                })?;
                path.push(sel.field.as_str());
                match self.name(node, &path)? {
                    (Expr::Fact(id), _) => Ok((Expr::Known(id), Ty::Bool)),
                    _ => Err(self.err(
                        node,
                        "`has` takes a fact, e.g. `has(model.training_compute_flop)`",
                    )),
                }
            }
            CelExpr::Select(_) => {
                let path =
                    qualified(node).ok_or_else(|| self.err(node, "unsupported field selection"))?;
                self.name(node, &path)
            }
            CelExpr::Call(call) => self.call(node, call),
            CelExpr::Comprehension(_) => Err(self
                .err(
                    node,
                    "comprehensions (all, exists, map, filter) are not supported",
                )
                .hint(Some(
                    "use `sets.intersects(a, b)` or `sets.contains(a, b)`".into(),
                ))),
            _ => Err(self.err(node, "unsupported expression")),
        }
    }

    fn name(&self, node: &IdedExpr, path: &[&str]) -> Result<(Expr, Ty), CompileError> {
        match path {
            ["params", rest @ ..] if !rest.is_empty() => {
                let id = rest.join(".");
                match self.resolver.param(&id) {
                    Some((i, ty)) => Ok((Expr::Param(i), ty)),
                    None => Err(self
                        .err(node, format!("unknown parameter `{id}`"))
                        .hint(Some(
                            "parameters are declared under `parameters:` in an instrument file"
                                .into(),
                        ))),
                }
            }
            ["rules", rest @ ..] if !rest.is_empty() => {
                let id = rest.join(".");
                match self.resolver.rule(&id) {
                    Some(i) => Ok((Expr::Rule(i), Ty::Bool)),
                    None => Err(self.err(node, format!("unknown rule `{id}`")).hint(Some(
                        "refer to rules by their full id, `rules.<instrument>.<name>`".into(),
                    ))),
                }
            }
            [subject, fact] => match self.resolver.fact(subject, fact) {
                Some((id, ty)) => Ok((Expr::Fact(id), ty)),
                None => Err(self.name_error(node, path)),
            },
            _ => Err(self.name_error(node, path)),
        }
    }

    fn name_error(&self, node: &IdedExpr, path: &[&str]) -> CompileError {
        let full = path.join(".");
        if path.len() == 2 && self.resolver.is_subject(path[0]) {
            let names = self.resolver.fact_names(path[0]);
            let hint = did_you_mean(path[1], names.iter().map(String::as_str))
                .map(|s| format!("did you mean `{}.{s}`?", path[0]))
                .or(Some(format!(
                    "declare it in corpus/vocabulary/{}.yaml",
                    path[0]
                )));
            self.err(node, format!("unknown fact `{full}`")).hint(hint)
        } else {
            self.err(node, format!("unknown name `{full}`")).hint(Some(
                "names are `<subject>.<fact>`, `params.<id>` or `rules.<id>`".into(),
            ))
        }
    }

    fn number_arg(&self, node: &IdedExpr) -> Result<Expr, CompileError> {
        let (e, ty) = self.expr(node)?;
        if ty != Ty::Number {
            return Err(self.err(
                node,
                format!("arithmetic needs numbers, found a {}", ty.name()),
            ));
        }
        Ok(e)
    }

    fn bool_arg(&self, node: &IdedExpr) -> Result<Expr, CompileError> {
        let (e, ty) = self.expr(node)?;
        if ty != Ty::Bool {
            return Err(self.err(
                node,
                format!("expected a boolean here, found a {}", ty.name()),
            ));
        }
        Ok(e)
    }

    fn call(
        &self,
        node: &IdedExpr,
        call: &cel::common::ast::CallExpr,
    ) -> Result<(Expr, Ty), CompileError> {
        let args = &call.args;
        let f = call.func_name.as_str();
        let target = call.target.as_deref();
        match (f, target, args.len()) {
            ("_&&_", None, 2) | ("_||_", None, 2) => {
                let mut parts = Vec::new();
                for a in args {
                    let e = self.bool_arg(a)?;
                    // Flatten nested chains so that traces and evaluation see one n-ary node.
                    match (f, e) {
                        ("_&&_", Expr::And(inner)) => parts.extend(inner),
                        ("_||_", Expr::Or(inner)) => parts.extend(inner),
                        (_, e) => parts.push(e),
                    }
                }
                Ok((if f == "_&&_" { Expr::And(parts) } else { Expr::Or(parts) }, Ty::Bool))
            }
            ("!_", None, 1) => Ok((Expr::Not(Box::new(self.bool_arg(&args[0])?)), Ty::Bool)),
            ("_+_" | "_-_" | "_*_" | "_/_", None, 2) => {
                let op = match f {
                    "_+_" => ArithOp::Add,
                    "_-_" => ArithOp::Sub,
                    "_*_" => ArithOp::Mul,
                    _ => ArithOp::Div,
                };
                let l = self.number_arg(&args[0])?;
                let r = self.number_arg(&args[1])?;
                Ok((Expr::Arith(op, Box::new(l), Box::new(r)), Ty::Number))
            }
            ("-_", None, 1) => {
                let e = self.number_arg(&args[0])?;
                Ok((
                    Expr::Arith(ArithOp::Sub, Box::new(Expr::Lit(Value::Number(0.0))), Box::new(e)),
                    Ty::Number,
                ))
            }
            ("max" | "min", None, n) if n >= 1 => {
                let args = args.iter().map(|a| self.number_arg(a)).collect::<Result<Vec<_>, _>>()?;
                Ok((Expr::Extreme { max: f == "max", args }, Ty::Number))
            }
            ("_==_" | "_!=_" | "_<_" | "_<=_" | "_>_" | "_>=_", None, 2) => {
                let op = match f {
                    "_==_" => CmpOp::Eq,
                    "_!=_" => CmpOp::Ne,
                    "_<_" => CmpOp::Lt,
                    "_<=_" => CmpOp::Le,
                    "_>_" => CmpOp::Gt,
                    _ => CmpOp::Ge,
                };
                let (l, lt) = self.expr(&args[0])?;
                let (r, rt) = self.expr(&args[1])?;
                if lt.name() != rt.name() {
                    return Err(self.err(node, format!("cannot compare a {} with a {}", lt.name(), rt.name())));
                }
                if matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge)
                    && !matches!(lt, Ty::Number | Ty::Date)
                {
                    return Err(self.err(node, format!("`{}` needs numbers or dates, found {}", op.symbol(), lt.name())));
                }
                self.check_enum_literal(&args[0], &lt, &r)?;
                self.check_enum_literal(&args[1], &rt, &l)?;
                Ok((Expr::Cmp(op, Box::new(l), Box::new(r)), Ty::Bool))
            }
            ("@in", None, 2) => {
                let (elem, et) = self.expr(&args[0])?;
                let (set, st) = self.expr(&args[1])?;
                let Ty::Set(allowed) = &st else {
                    return Err(self.err(&args[1], format!("`in` needs a set on the right, found a {}", st.name())));
                };
                if !matches!(et, Ty::Text(_)) {
                    return Err(self.err(&args[0], format!("`in` needs a text value on the left, found a {}", et.name())));
                }
                if let (Expr::Lit(Value::Text(s)), Some(allowed)) = (&elem, allowed) {
                    self.check_member(&args[0], s, allowed)?;
                }
                if let (Ty::Text(Some(allowed)), Expr::Lit(Value::Set(items))) = (&et, &set) {
                    for s in items {
                        self.check_member(&args[1], s, allowed)?;
                    }
                }
                let bits = match (&elem, &set, allowed) {
                    (Expr::Lit(Value::Text(v)), Expr::Fact(fact), Some(allowed)) => {
                        bit_mask(allowed, std::slice::from_ref(v)).map(|mask| (*fact, mask))
                    }
                    _ => None,
                };
                let test = Expr::In(Box::new(elem), Box::new(set));
                Ok((with_bits(test, bits, false), Ty::Bool))
            }
            ("intersects" | "contains", Some(t), 2) if qualified(t).as_deref() == Some(&["sets"][..]) => {
                let (a, at) = self.expr(&args[0])?;
                let (b, bt) = self.expr(&args[1])?;
                for (n, t) in [(&args[0], &at), (&args[1], &bt)] {
                    if !matches!(t, Ty::Set(_)) {
                        return Err(self.err(n, format!("`sets.{f}` needs sets, found a {}", t.name())));
                    }
                }
                for (lit, other) in [(&a, &bt), (&b, &at)] {
                    if let (Expr::Lit(Value::Set(items)), Ty::Set(Some(allowed))) = (lit, other) {
                        for s in items {
                            self.check_member(node, s, allowed)?;
                        }
                    }
                }
                let all = f == "contains";
                // A fact against a literal list compiles to a mask (for `contains`, only with the fact first).
                let bits = match (&a, &b, &at, &bt) {
                    (Expr::Fact(fact), Expr::Lit(Value::Set(items)), Ty::Set(Some(allowed)), _) => {
                        bit_mask(allowed, items).map(|m| (*fact, m))
                    }
                    (Expr::Lit(Value::Set(items)), Expr::Fact(fact), _, Ty::Set(Some(allowed))) if !all => {
                        bit_mask(allowed, items).map(|m| (*fact, m))
                    }
                    _ => None,
                };
                let e = if all {
                    Expr::ContainsAll(Box::new(a), Box::new(b))
                } else {
                    Expr::Intersects(Box::new(a), Box::new(b))
                };
                Ok((with_bits(e, bits, all), Ty::Bool))
            }
            ("size", None, 1) | ("size", Some(_), 0) => {
                let arg = target.unwrap_or_else(|| &args[0]);
                let (e, t) = self.expr(arg)?;
                if !matches!(t, Ty::Set(_)) {
                    return Err(self.err(arg, format!("`size` needs a set, found a {}", t.name())));
                }
                Ok((Expr::Size(Box::new(e)), Ty::Number))
            }
            ("has", None, 1) => {
                let (e, _) = self.expr(&args[0])?;
                match e {
                    Expr::Fact(id) => Ok((Expr::Known(id), Ty::Bool)),
                    _ => Err(self.err(node, "`has` takes a fact, e.g. `has(model.training_compute_flop)`")),
                }
            }
            ("date", None, 1) => match &args[0].expr {
                CelExpr::Literal(LiteralValue::String(s)) => {
                    let d: Date = s
                        .parse()
                        .map_err(|_| self.err(&args[0], format!("`{}` is not a date (YYYY-MM-DD)", &**s)))?;
                    Ok((Expr::Lit(Value::Date(d)), Ty::Date))
                }
                _ => Err(self.err(node, "`date` takes a string literal, e.g. `date(\"2025-08-02\")`")),
            },
            _ => Err(self
                .err(node, format!("unsupported operator or function `{}`", f.trim_matches('_')))
                .hint(Some("supported: && || ! == != < <= > >= + - * / in, has(), size(), date(), max(), min(), sets.intersects(), sets.contains()".into()))),
        }
    }

    /// Catches typos in enumerated values: `ai_system.purpose == "recruitmnet"`.
    fn check_enum_literal(
        &self,
        node: &IdedExpr,
        ty: &Ty,
        other: &Expr,
    ) -> Result<(), CompileError> {
        if let (Ty::Text(Some(allowed)), Expr::Lit(Value::Text(s))) = (ty, other) {
            self.check_member(node, s, allowed)?;
        }
        Ok(())
    }

    fn check_member(
        &self,
        node: &IdedExpr,
        value: &str,
        allowed: &[String],
    ) -> Result<(), CompileError> {
        if allowed.iter().any(|a| a == value) {
            return Ok(());
        }
        let hint = did_you_mean(value, allowed.iter().map(String::as_str))
            .map(|s| format!("did you mean \"{s}\"?"))
            .or_else(|| Some(format!("allowed values: {}", allowed.join(", "))));
        Err(self
            .err(node, format!("\"{value}\" is not an allowed value here"))
            .hint(hint))
    }
}

/// The bits of `values` among `allowed` (vocabulary order), if the vocabulary fits in 64 bits.
fn bit_mask(allowed: &[String], values: &[String]) -> Option<u64> {
    if allowed.len() > 64 {
        return None;
    }
    let mut mask = 0u64;
    for v in values {
        mask |= 1u64 << allowed.iter().position(|a| a == v)?;
    }
    Some(mask)
}

fn with_bits(test: Expr, bits: Option<(FactId, u64)>, all: bool) -> Expr {
    match bits {
        Some((fact, mask)) => Expr::Bits {
            fact,
            mask,
            all,
            form: Box::new(test),
        },
        None => test,
    }
}

/// The dotted path a chain of field selections spells (`a.b.c`), if it is one.
fn qualified(node: &IdedExpr) -> Option<Vec<&str>> {
    match &node.expr {
        CelExpr::Ident(n) => Some(vec![n.as_str()]),
        CelExpr::Select(s) if !s.test => {
            let mut p = qualified(&s.operand)?;
            p.push(s.field.as_str());
            Some(p)
        }
        _ => None,
    }
}

/// What evaluation reads from: facts, parameters as of a date, and other rules' outcomes.
pub trait Env {
    /// The value of a fact, or `None` when the manifest does not give it.
    fn fact(&self, id: FactId) -> Option<&Value>;
    /// The value of a parameter on the assessment date.
    fn param(&self, index: usize) -> Option<&Value>;
    /// Whether another rule's condition holds.
    fn rule(&self, index: usize) -> Truth;
    /// A set fact's values as a bit mask, when the environment precomputes them (the fast path).
    fn mask(&self, _id: FactId) -> Mask {
        Mask::NotAvailable
    }
    /// For a market fact the manifest leaves out while saying its markets are complete: the markets it lies
    /// within (a test of a place outside them is false, not unknown).
    fn markets(&self, _id: FactId) -> Option<&crate::vocabulary::Markets> {
        None
    }
    /// For an unknown fact the engine derives from others (a class the law defines by observable features):
    /// adds the unknown facts that would let it derive the fact, and says so. The questions then ask for the
    /// features, not the legal conclusion.
    fn ask_instead(&self, _id: FactId, _out: &mut Vec<FactId>) -> bool {
        false
    }
}

/// Whether a set test on an unknown market fact is settled by the markets it lies within: `Some(false)` when no
/// place tested can be in it (`any`: `in`, `sets.intersects`) or some place tested cannot be (`sets.contains`).
fn market_test(env: &dyn Env, fact: &Expr, places: &[String], all: bool) -> Option<bool> {
    let Expr::Fact(id) = fact else { return None };
    let m = env.markets(*id)?;
    let ruled_out = if all {
        places.iter().any(|p| !m.possible(p))
    } else {
        !places.iter().any(|p| m.possible(p))
    };
    ruled_out.then_some(false)
}

/// An intermediate value during evaluation; borrows from the environment to avoid copies.
#[derive(Debug, Clone, Copy)]
enum V<'a> {
    Unknown,
    Bool(bool),
    Num(f64),
    Date(Date),
    Text(&'a str),
    Set(&'a [String]),
}

impl<'a> V<'a> {
    fn of(v: Option<&'a Value>) -> V<'a> {
        match v {
            None => V::Unknown,
            Some(Value::Bool(b)) => V::Bool(*b),
            Some(Value::Number(n)) => V::Num(*n),
            Some(Value::Date(d)) => V::Date(*d),
            Some(Value::Text(s)) => V::Text(s),
            Some(Value::Set(s)) => V::Set(s),
        }
    }
    fn truth(self) -> Truth {
        match self {
            V::Bool(b) => Truth::from_bool(b),
            _ => Truth::Unknown,
        }
    }
}

impl Expr {
    /// Evaluates a boolean expression in three-valued logic.
    pub fn eval(&self, env: &dyn Env) -> Truth {
        self.value(env).truth()
    }

    fn value<'a>(&'a self, env: &'a dyn Env) -> V<'a> {
        match self {
            Expr::Lit(v) => V::of(Some(v)),
            Expr::Fact(id) => V::of(env.fact(*id)),
            Expr::Param(i) => V::of(env.param(*i)),
            Expr::Rule(i) => match env.rule(*i) {
                Truth::True => V::Bool(true),
                Truth::False => V::Bool(false),
                Truth::Unknown => V::Unknown,
            },
            Expr::Known(id) => V::Bool(env.fact(*id).is_some()),
            Expr::Bits {
                fact,
                mask,
                all,
                form,
            } => match env.mask(*fact) {
                Mask::Known(m) if *all => V::Bool(m & mask == *mask),
                Mask::Known(m) => V::Bool(m & mask != 0),
                Mask::Unknown => V::Unknown,
                Mask::NotAvailable => form.value(env),
            },
            Expr::Not(e) => match e.quick_truth(env) {
                Truth::True => V::Bool(false),
                Truth::False => V::Bool(true),
                Truth::Unknown => V::Unknown,
            },
            Expr::And(parts) => {
                let mut unknown = false;
                for p in parts {
                    match p.quick_truth(env) {
                        Truth::False => return V::Bool(false),
                        Truth::Unknown => unknown = true,
                        Truth::True => {}
                    }
                }
                if unknown {
                    V::Unknown
                } else {
                    V::Bool(true)
                }
            }
            Expr::Or(parts) => {
                let mut unknown = false;
                for p in parts {
                    match p.quick_truth(env) {
                        Truth::True => return V::Bool(true),
                        Truth::Unknown => unknown = true,
                        Truth::False => {}
                    }
                }
                if unknown {
                    V::Unknown
                } else {
                    V::Bool(false)
                }
            }
            Expr::Cmp(op, l, r) => {
                let ord = match (l.value(env), r.value(env)) {
                    (V::Num(a), V::Num(b)) => a.partial_cmp(&b),
                    (V::Date(a), V::Date(b)) => Some(a.cmp(&b)),
                    (V::Text(a), V::Text(b)) => Some(a.cmp(b)),
                    (V::Bool(a), V::Bool(b)) => Some(a.cmp(&b)),
                    (V::Set(a), V::Set(b)) => Some(a.cmp(b)),
                    _ => None,
                };
                match ord {
                    None => V::Unknown,
                    Some(o) => V::Bool(match op {
                        CmpOp::Eq => o.is_eq(),
                        CmpOp::Ne => o.is_ne(),
                        CmpOp::Lt => o.is_lt(),
                        CmpOp::Le => o.is_le(),
                        CmpOp::Gt => o.is_gt(),
                        CmpOp::Ge => o.is_ge(),
                    }),
                }
            }
            Expr::In(e, s) => match (e.value(env), s.value(env)) {
                (V::Text(x), V::Set(set)) => {
                    V::Bool(set.binary_search_by(|p| p.as_str().cmp(x)).is_ok())
                }
                (V::Text(x), V::Unknown) => {
                    match market_test(env, s, std::slice::from_ref(&x.to_string()), false) {
                        Some(b) => V::Bool(b),
                        None => V::Unknown,
                    }
                }
                _ => V::Unknown,
            },
            Expr::Intersects(a, b) => match (a.value(env), b.value(env)) {
                (V::Set(x), V::Set(y)) => V::Bool(x.iter().any(|i| y.binary_search(i).is_ok())),
                (V::Unknown, V::Set(y)) => {
                    market_test(env, a, y, false).map_or(V::Unknown, V::Bool)
                }
                (V::Set(x), V::Unknown) => {
                    market_test(env, b, x, false).map_or(V::Unknown, V::Bool)
                }
                _ => V::Unknown,
            },
            Expr::ContainsAll(a, b) => match (a.value(env), b.value(env)) {
                (V::Set(x), V::Set(y)) => V::Bool(y.iter().all(|i| x.binary_search(i).is_ok())),
                (V::Unknown, V::Set(y)) => market_test(env, a, y, true).map_or(V::Unknown, V::Bool),
                _ => V::Unknown,
            },
            Expr::Size(e) => match e.value(env) {
                V::Set(s) => V::Num(s.len() as f64),
                _ => V::Unknown,
            },
            Expr::Arith(..) | Expr::Extreme { .. } => self.arithmetic(env),
        }
    }

    /// The truth of a sub-condition, with the commonest leaves (bit-mask set tests, boolean facts, rule
    /// references) evaluated here rather than through a recursive call of [`Expr::value`], whose frame is large.
    #[inline(always)]
    fn quick_truth(&self, env: &dyn Env) -> Truth {
        match self {
            Expr::Bits {
                fact, mask, all, ..
            } => match env.mask(*fact) {
                Mask::Known(m) => Truth::from_bool(if *all {
                    m & mask == *mask
                } else {
                    m & mask != 0
                }),
                Mask::Unknown => Truth::Unknown,
                Mask::NotAvailable => self.eval(env),
            },
            Expr::Fact(id) => match env.fact(*id) {
                Some(Value::Bool(b)) => Truth::from_bool(*b),
                _ => Truth::Unknown,
            },
            Expr::Rule(i) => env.rule(*i),
            // `"US-CO" in ai_system.affected_persons_in`: region tests are the commonest gate of US rules.
            Expr::In(e, set) => match (&**e, &**set) {
                (Expr::Lit(Value::Text(x)), Expr::Fact(id)) => match env.fact(*id) {
                    Some(Value::Set(items)) => {
                        Truth::from_bool(items.binary_search_by(|p| p.as_str().cmp(x)).is_ok())
                    }
                    None => match env.markets(*id) {
                        Some(m) if !m.possible(x) => Truth::False,
                        _ => Truth::Unknown,
                    },
                    _ => Truth::Unknown,
                },
                _ => self.eval(env),
            },
            _ => self.eval(env),
        }
    }

    /// Arithmetic, kept out of [`Expr::value`]: a rare node there would make every call of that hot, recursive
    /// function pay for a larger stack frame.
    #[inline(never)]
    #[cold]
    fn arithmetic<'a>(&'a self, env: &'a dyn Env) -> V<'a> {
        match self {
            Expr::Arith(op, a, b) => match (a.value(env), b.value(env)) {
                (V::Num(x), V::Num(y)) => {
                    let r = op.apply(x, y);
                    if r.is_finite() {
                        V::Num(r)
                    } else {
                        V::Unknown
                    }
                }
                _ => V::Unknown,
            },
            Expr::Extreme { max, args } => {
                let mut best: Option<f64> = None;
                for a in args {
                    let V::Num(x) = a.value(env) else {
                        return V::Unknown;
                    };
                    best = Some(match best {
                        Some(b) if (*max && b >= x) || (!*max && b <= x) => b,
                        _ => x,
                    });
                }
                best.map(V::Num).unwrap_or(V::Unknown)
            }
            _ => V::Unknown,
        }
    }

    /// Every fact this expression reads directly (not through rule references).
    pub fn reads(&self, out: &mut Vec<FactId>) {
        self.walk(&mut |e| {
            if let Expr::Fact(id) | Expr::Known(id) = e {
                out.push(*id);
            }
        });
    }

    /// The number, if the expression is numeric and its inputs are known (derived values).
    pub fn number(&self, env: &dyn Env) -> Option<f64> {
        match self.value(env) {
            V::Num(n) => Some(n),
            _ => None,
        }
    }

    fn rule_count(&self) -> usize {
        let mut n = 0;
        self.walk(&mut |e| {
            if matches!(e, Expr::Rule(_)) {
                n += 1;
            }
        });
        n
    }

    /// Prints the expression with every fact and parameter replaced by its value, to show arithmetic
    /// (`6 * 70000000000 * 15000000000000`).
    pub fn render_values(&self, env: &dyn Env, names: &dyn Names) -> String {
        let r = |e: &Expr| e.render_values(env, names);
        match self {
            Expr::Fact(id) => env
                .fact(*id)
                .map(|v| v.to_string())
                .unwrap_or_else(|| names.fact(*id)),
            Expr::Param(i) => env
                .param(*i)
                .map(|v| v.to_string())
                .unwrap_or_else(|| format!("params.{}", names.param(*i))),
            Expr::Arith(..) | Expr::Extreme { .. } => render_arithmetic(self, &r),
            _ => self.render_inner(names),
        }
    }

    /// Every rule this expression refers to.
    pub fn rule_refs(&self, out: &mut Vec<usize>) {
        self.walk(&mut |e| {
            if let Expr::Rule(i) = e {
                out.push(*i);
            }
        });
    }

    fn walk(&self, f: &mut dyn FnMut(&Expr)) {
        f(self);
        match self {
            Expr::Not(e) | Expr::Size(e) => e.walk(f),
            Expr::Bits { form, .. } => form.walk(f),
            Expr::And(v) | Expr::Or(v) | Expr::Extreme { args: v, .. } => {
                v.iter().for_each(|e| e.walk(f))
            }
            Expr::Cmp(_, a, b)
            | Expr::Arith(_, a, b)
            | Expr::In(a, b)
            | Expr::Intersects(a, b)
            | Expr::ContainsAll(a, b) => {
                a.walk(f);
                b.walk(f);
            }
            _ => {}
        }
    }

    /// The facts whose absence makes this expression unknown: answering them could settle it.
    /// Rule references are followed through `follow`, which returns the unknown facts of the referenced rule.
    pub fn unknown_facts(
        &self,
        env: &dyn Env,
        follow: &dyn Fn(usize) -> Vec<FactId>,
        out: &mut Vec<FactId>,
    ) {
        match self {
            Expr::Fact(id) => {
                if env.fact(*id).is_none() && !out.contains(id) {
                    let mut instead = Vec::new();
                    if env.ask_instead(*id, &mut instead) && !instead.is_empty() {
                        for f in instead {
                            if !out.contains(&f) {
                                out.push(f);
                            }
                        }
                    } else {
                        out.push(*id);
                    }
                }
            }
            Expr::Rule(i) => {
                if env.rule(*i) == Truth::Unknown {
                    for f in follow(*i) {
                        if !out.contains(&f) {
                            out.push(f);
                        }
                    }
                }
            }
            // Only the unknown branches of a connective can settle it.
            Expr::And(v) | Expr::Or(v) => {
                for e in v {
                    if e.eval(env) == Truth::Unknown {
                        e.unknown_facts(env, follow, out);
                    }
                }
            }
            Expr::Not(e) | Expr::Size(e) => e.unknown_facts(env, follow, out),
            Expr::Bits { form, .. } => form.unknown_facts(env, follow, out),
            Expr::Extreme { args, .. } => {
                for e in args {
                    e.unknown_facts(env, follow, out);
                }
            }
            Expr::Cmp(_, a, b)
            | Expr::Arith(_, a, b)
            | Expr::In(a, b)
            | Expr::Intersects(a, b)
            | Expr::ContainsAll(a, b) => {
                a.unknown_facts(env, follow, out);
                b.unknown_facts(env, follow, out);
            }
            Expr::Lit(_) | Expr::Param(_) | Expr::Known(_) => {}
        }
    }
}

/// The value a trace prints for a fact that is not given (`fact = unknown (not given)`); reports in another
/// language say it again in their words, the JSON trace keeps it.
pub const NOT_GIVEN: &str = "unknown (not given)";
/// The start of the value a trace prints for a fact that is not given when the manifest lists its markets as
/// complete; the market codes follow in brackets.
pub const NOT_GIVEN_MARKETS: &str = "not given, within the markets listed as complete";
/// The value a trace prints for a parameter with no value on the date.
pub const NO_PARAMETER_VALUE: &str = "no value on this date";

/// Names for printing expressions back as CEL.
pub trait Names {
    /// The qualified name of a fact.
    fn fact(&self, id: FactId) -> String;
    /// The id of a parameter.
    fn param(&self, index: usize) -> String;
    /// The id of a rule.
    fn rule(&self, index: usize) -> String;
}

/// One node of a derivation trace: an expression, what it evaluated to, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceNode {
    /// The sub-expression, printed as CEL.
    pub expr: String,
    /// `true`, `false` or `unknown`.
    pub result: Truth,
    /// The values of the facts and parameters this node compares, printed (e.g. `model.training_compute_flop = 3e25`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub values: Vec<String>,
    /// The sub-conditions that decided it.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub children: Vec<TraceNode>,
    /// The connective joining the children: `and`, `or` or `not`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub op: Option<String>,
}

impl Expr {
    /// Evaluates with a full derivation trace (slower than [`Expr::eval`]; used for reports and `explain`).
    pub fn trace(&self, env: &dyn Env, names: &dyn Names) -> TraceNode {
        let result = self.eval(env);
        let mut node = TraceNode {
            expr: self.render(names),
            result,
            values: Vec::new(),
            children: Vec::new(),
            op: None,
        };
        match self {
            Expr::And(v) | Expr::Or(v) => {
                node.op = Some(
                    if matches!(self, Expr::And(_)) {
                        "and"
                    } else {
                        "or"
                    }
                    .to_string(),
                );
                node.children = v.iter().map(|e| e.trace(env, names)).collect();
            }
            Expr::Not(e) => {
                node.op = Some("not".to_string());
                node.children = vec![e.trace(env, names)];
            }
            _ => self.collect_values(env, names, &mut node.values),
        }
        node
    }

    fn collect_values(&self, env: &dyn Env, names: &dyn Names, out: &mut Vec<String>) {
        self.walk(&mut |e| match e {
            Expr::Fact(id) | Expr::Known(id) => {
                let v = env.fact(*id).map(|v| v.to_string()).unwrap_or_else(|| {
                    match env.markets(*id) {
                        Some(m) => format!("{NOT_GIVEN_MARKETS} ({})", m.codes().join(", ")),
                        None => NOT_GIVEN.into(),
                    }
                });
                let line = format!("{} = {v}", names.fact(*id));
                if !out.contains(&line) {
                    out.push(line);
                }
            }
            Expr::Param(i) => {
                let v = env
                    .param(*i)
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| NO_PARAMETER_VALUE.into());
                out.push(format!("params.{} = {v}", names.param(*i)));
            }
            // A rule reference's value is the node's own result: nothing to add.
            Expr::Rule(_) => {}
            _ => {}
        });
    }

    /// Prints the expression back as CEL.
    pub fn render(&self, names: &dyn Names) -> String {
        let r = |e: &Expr| e.render_inner(names);
        match self {
            Expr::And(v) => v.iter().map(r).collect::<Vec<_>>().join(" && "),
            Expr::Or(v) => v.iter().map(r).collect::<Vec<_>>().join(" || "),
            _ => self.render_inner(names),
        }
    }

    fn render_inner(&self, names: &dyn Names) -> String {
        let r = |e: &Expr| e.render_inner(names);
        match self {
            Expr::Lit(Value::Number(n)) => format_number(*n),
            Expr::Lit(Value::Date(d)) => format!("date(\"{d}\")"),
            Expr::Lit(v) => v.to_string(),
            Expr::Fact(id) => names.fact(*id),
            Expr::Param(i) => format!("params.{}", names.param(*i)),
            Expr::Rule(i) => format!("rules.{}", names.rule(*i)),
            Expr::Known(id) => format!("has({})", names.fact(*id)),
            Expr::Bits { form, .. } => form.render_inner(names),
            Expr::Not(e) => match **e {
                Expr::And(_) | Expr::Or(_) => format!("!({})", e.render(names)),
                _ => format!("!{}", r(e)),
            },
            Expr::And(v) => format!("({})", v.iter().map(r).collect::<Vec<_>>().join(" && ")),
            Expr::Or(v) => format!("({})", v.iter().map(r).collect::<Vec<_>>().join(" || ")),
            Expr::Cmp(op, a, b) => format!("{} {} {}", r(a), op.symbol(), r(b)),
            Expr::In(a, b) => format!("{} in {}", r(a), r(b)),
            Expr::Intersects(a, b) => format!("sets.intersects({}, {})", r(a), r(b)),
            Expr::ContainsAll(a, b) => format!("sets.contains({}, {})", r(a), r(b)),
            Expr::Size(e) => format!("size({})", r(e)),
            Expr::Arith(..) | Expr::Extreme { .. } => render_arithmetic(self, &r),
        }
    }
}

/// Prints an arithmetic node, its operands printed by `r` (names or values), with brackets only where they change
/// the meaning.
fn render_arithmetic(e: &Expr, r: &dyn Fn(&Expr) -> String) -> String {
    match e {
        Expr::Arith(op, a, b) => {
            let wrap = |e: &Expr, right: bool| match e {
                Expr::Arith(inner, ..)
                    if precedence(*inner) < precedence(*op)
                        || (right && matches!(op, ArithOp::Sub | ArithOp::Div)) =>
                {
                    format!("({})", r(e))
                }
                _ => r(e),
            };
            format!("{} {} {}", wrap(a, false), op.symbol(), wrap(b, true))
        }
        Expr::Extreme { max, args } => format!(
            "{}({})",
            if *max { "max" } else { "min" },
            args.iter().map(r).collect::<Vec<_>>().join(", ")
        ),
        _ => r(e),
    }
}

fn precedence(op: ArithOp) -> u8 {
    match op {
        ArithOp::Add | ArithOp::Sub => 1,
        ArithOp::Mul | ArithOp::Div => 2,
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}
