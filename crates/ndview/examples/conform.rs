//! Replays NumPy reference cases with ndview and reports every difference.
//!
//! ```text
//! cargo run --release -p ndview --example conform -- FILE [FILE ...]
//! ```
//!
//! FILE follows the schema of `numpy-cases/SCHEMA.md` (and its additions for
//! indexing, `SCHEMA-INDEXING.md`): each case builds
//! `np.arange(start, start + n).reshape(shape)` and applies chains of
//! operations to it; NumPy's answers are recorded after every step. This
//! program applies the same chains with ndview, prints one line per mismatch
//! (`case field numpy=… ndview=…`) and ends with `N passed, M failed`. The
//! exit status is 1 if any case failed.
//!
//! Buffers are numbered as in the schema: 0 is the base's, and each operation
//! that makes a new array makes the next one. A value of the runner is thus a
//! buffer number plus a [`Layout`]; views over the buffers are made when
//! needed. A buffer holds `int64` or `bool` elements. Writes (`assign`,
//! `iadd`, `add_at`) change a buffer in place.

use std::process::ExitCode;

use ndview::{
    Array, ArrayView, ArrayViewMut, CowArray, Element, Error, IndexItem, Layout, Order, Slice, SliceArg,
    TakeMode,
};
use serde_json::{Value, json};

/// An array of the case: which buffer, and how to read it.
#[derive(Clone)]
struct Held {
    buffer: usize,
    layout: Layout,
}

/// One buffer of a case, with its element type.
enum Buf {
    I64(Vec<i64>),
    Bool(Vec<bool>),
}

/// The buffers of one case, in order of creation.
struct Buffers(Vec<Buf>);

/// The element types the runner handles, and how their buffers are stored.
trait Elem: Element + Into<Value> {
    fn buf(v: Vec<Self>) -> Buf;
    fn slice(b: &Buf) -> Option<&[Self]>;
    fn slice_mut(b: &mut Buf) -> Option<&mut Vec<Self>>;
    /// A JSON scalar or nested list as an array of this type.
    fn from_json(v: &Value) -> Array<Self>;
    /// NumPy's cast from int64 (`bool`: non-zero is true).
    fn from_i64(x: i64) -> Self;
    /// NumPy's cast from bool.
    fn from_bool(x: bool) -> Self;
}

/// A JSON nested list: its shape and its leaves in C order. `[]` has shape `(0,)`.
fn nested(v: &Value) -> (Vec<usize>, Vec<&Value>) {
    match v.as_array() {
        None => (vec![], vec![v]),
        Some(items) => {
            let mut leaves = Vec::new();
            let mut inner = vec![];
            for (i, item) in items.iter().enumerate() {
                let (s, l) = nested(item);
                if i == 0 {
                    inner = s;
                }
                leaves.extend(l);
            }
            let mut shape = vec![items.len()];
            if !items.is_empty() {
                shape.extend(inner);
            }
            (shape, leaves)
        }
    }
}

impl Elem for i64 {
    fn buf(v: Vec<i64>) -> Buf {
        Buf::I64(v)
    }
    fn slice(b: &Buf) -> Option<&[i64]> {
        if let Buf::I64(v) = b { Some(v) } else { None }
    }
    fn slice_mut(b: &mut Buf) -> Option<&mut Vec<i64>> {
        if let Buf::I64(v) = b { Some(v) } else { None }
    }
    fn from_json(v: &Value) -> Array<i64> {
        let (shape, leaves) = nested(v);
        let values =
            leaves.iter().map(|x| x.as_i64().unwrap_or_else(|| x.as_bool().unwrap() as i64)).collect();
        Array::from_vec(values, shape).expect("a regular nested list")
    }
    fn from_i64(x: i64) -> i64 {
        x
    }
    fn from_bool(x: bool) -> i64 {
        x as i64
    }
}

impl Elem for bool {
    fn buf(v: Vec<bool>) -> Buf {
        Buf::Bool(v)
    }
    fn slice(b: &Buf) -> Option<&[bool]> {
        if let Buf::Bool(v) = b { Some(v) } else { None }
    }
    fn slice_mut(b: &mut Buf) -> Option<&mut Vec<bool>> {
        if let Buf::Bool(v) = b { Some(v) } else { None }
    }
    fn from_json(v: &Value) -> Array<bool> {
        let (shape, leaves) = nested(v);
        let values = leaves.iter().map(|x| x.as_bool().unwrap_or_else(|| x.as_i64().unwrap() != 0)).collect();
        Array::from_vec(values, shape).expect("a regular nested list")
    }
    fn from_i64(x: i64) -> bool {
        x != 0
    }
    fn from_bool(x: bool) -> bool {
        x
    }
}

impl Buffers {
    fn view<T: Elem>(&self, held: &Held) -> ArrayView<'_, T> {
        let data = T::slice(&self.0[held.buffer]).expect("the element type of the buffer");
        ArrayView::with_layout(data, held.layout.clone())
            .expect("a layout the runner made stays inside its buffer")
    }

    /// The array's whole buffer cast to `T`, and its layout in `T`'s item
    /// size: the same elements in the same memory order.
    fn cast<T: Elem>(&self, held: &Held) -> (Vec<T>, Layout) {
        let data: Vec<T> = match &self.0[held.buffer] {
            Buf::I64(v) => v.iter().map(|&x| T::from_i64(x)).collect(),
            Buf::Bool(v) => v.iter().map(|&x| T::from_bool(x)).collect(),
        };
        let l = &held.layout;
        let (from, to) = (l.itemsize() as isize, size_of::<T>() as isize);
        let strides: Vec<isize> = l.strides().iter().map(|s| s / from * to).collect();
        let layout = Layout::new(l.shape(), &strides, l.offset() / from * to, size_of::<T>(), data.len())
            .expect("the same layout in another item size");
        (data, layout)
    }

    /// An owned copy of the array as `T` (memory order kept).
    fn owned_as<T: Elem>(&self, held: &Held) -> Array<T> {
        let (data, layout) = self.cast::<T>(held);
        ArrayView::with_layout(&data, layout).expect("in bounds").copy_order(Order::K)
    }

    fn is_bool(&self, held: &Held) -> bool {
        matches!(self.0[held.buffer], Buf::Bool(_))
    }

    fn push<T: Elem>(&mut self, a: Array<T>) -> Held {
        let layout = a.layout().clone();
        self.0.push(T::buf(a.into_raw_vec()));
        Held { buffer: self.0.len() - 1, layout }
    }
}

fn order_of(op: &Value) -> Order {
    match op.get("order").and_then(Value::as_str) {
        Some("F") => Order::F,
        Some("A") => Order::A,
        Some("K") => Order::K,
        _ => Order::C,
    }
}

fn ints<T: TryFrom<i64>>(v: &Value) -> Vec<T> {
    v.as_array()
        .expect("a list of integers")
        .iter()
        .map(|x| T::try_from(x.as_i64().expect("an integer")).ok().expect("in range"))
        .collect()
}

fn slice_of(s: &[Value]) -> Slice {
    let part = |v: &Value| v.as_i64().map(|x| x as isize);
    Slice { start: part(&s[0]), stop: part(&s[1]), step: part(&s[2]) }
}

fn slice_args(index: &Value) -> Vec<SliceArg> {
    index
        .as_array()
        .expect("an index list")
        .iter()
        .map(|item| match item.as_array() {
            Some(s) => SliceArg::Slice(slice_of(s)),
            None => SliceArg::Index(item.as_i64().expect("an integer index") as isize),
        })
        .collect()
}

/// The earlier arrays of a case, by name.
type Named = Vec<(String, Held)>;

fn find<'n>(named: &'n Named, name: &str) -> &'n Held {
    &named.iter().rev().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no array {name:?}")).1
}

/// An owned copy of a named array, keeping its memory order.
fn named_item(buffers: &Buffers, held: &Held) -> IndexItem<'static> {
    if buffers.is_bool(held) {
        IndexItem::BoolArray(CowArray::Owned(buffers.view::<bool>(held).copy_order(Order::K)))
    } else {
        IndexItem::IntArray(CowArray::Owned(buffers.view::<i64>(held).copy_order(Order::K)))
    }
}

/// A schema index as ndview's, with `...` appended when it has none.
fn index_items(index: &Value, buffers: &Buffers, named: &Named) -> Vec<IndexItem<'static>> {
    let mut items: Vec<IndexItem<'static>> = index
        .as_array()
        .expect("an index list")
        .iter()
        .map(|e| match e {
            Value::Array(s) => IndexItem::Slice(slice_of(s)),
            Value::Number(n) => IndexItem::Index(n.as_i64().unwrap() as isize),
            Value::String(s) if s == "newaxis" => IndexItem::NewAxis,
            Value::String(s) if s == "..." => IndexItem::Ellipsis,
            Value::Object(o) if o.contains_key("int") => {
                IndexItem::IntArray(CowArray::Owned(i64::from_json(&o["int"])))
            }
            Value::Object(o) if o.contains_key("bool") => {
                IndexItem::BoolArray(CowArray::Owned(bool::from_json(&o["bool"])))
            }
            Value::Object(o) if o.contains_key("array") => {
                named_item(buffers, find(named, o["array"].as_str().unwrap()))
            }
            other => panic!("unknown index entry {other}"),
        })
        .collect();
    if !items.iter().any(|i| matches!(i, IndexItem::Ellipsis)) {
        items.push(IndexItem::Ellipsis);
    }
    items
}

/// What one operation made.
enum Out {
    /// A view of the input's buffer.
    View(Layout),
    /// The input itself, written in place.
    Written,
    /// A new int64 array.
    I64(Array<i64>),
    /// A new bool array.
    Bool(Array<bool>),
    /// A view into a new buffer (the `nonzero` columns).
    NewView(Buf, Layout),
}

trait IntoOut {
    fn out(self) -> Out;
}
impl IntoOut for Array<i64> {
    fn out(self) -> Out {
        Out::I64(self)
    }
}
impl IntoOut for Array<bool> {
    fn out(self) -> Out {
        Out::Bool(self)
    }
}

/// Operations that read an array of any element type.
fn read_op<T: Elem>(v: ArrayView<'_, T>, op: &Value, buffers: &Buffers, named: &Named) -> Result<Out, Error>
where
    Array<T>: IntoOut,
{
    let view_of = |l: &Layout| Ok(Out::View(l.clone()));
    Ok(match op["op"].as_str().expect("an op name") {
        "slice" => return view_of(v.slice(slice_args(&op["index"]))?.layout()),
        "transpose" => {
            return match op["axes"].is_null() {
                true => view_of(v.t().layout()),
                false => view_of(v.transpose(ints::<isize>(&op["axes"]))?.layout()),
            };
        }
        "swapaxes" => {
            let (a, b) = (op["axis1"].as_i64().unwrap(), op["axis2"].as_i64().unwrap());
            return view_of(v.swapaxes(a as isize, b as isize)?.layout());
        }
        "as_strided" => {
            let (shape, strides) = (ints::<usize>(&op["shape"]), ints::<isize>(&op["strides"]));
            return view_of(v.as_strided(shape, strides)?.layout());
        }
        "reshape" => match v.reshape_order(ints::<isize>(&op["shape"]), order_of(op))? {
            CowArray::View(r) => return view_of(r.layout()),
            CowArray::Owned(a) => a.out(),
        },
        "ravel" => match v.ravel_order(order_of(op)) {
            CowArray::View(r) => return view_of(r.layout()),
            CowArray::Owned(a) => a.out(),
        },
        "flatten" => v.flatten_order(order_of(op)).out(),
        "copy" => v.copy_order(order_of(op)).out(),
        "index" => match v.at(index_items(&op["index"], buffers, named))? {
            CowArray::View(r) => return view_of(r.layout()),
            CowArray::Owned(a) => a.out(),
        },
        "take" => {
            let indices = i64::from_json(&op["indices"]);
            let axis = op.get("axis").and_then(Value::as_i64).map(|a| a as isize);
            let mode = match op.get("mode").and_then(Value::as_str) {
                Some("wrap") => TakeMode::Wrap,
                Some("clip") => TakeMode::Clip,
                _ => TakeMode::Raise,
            };
            v.take(&indices, axis, mode)?.out()
        }
        "compress" => {
            let condition = bool::from_json(&op["condition"]);
            let axis = op.get("axis").and_then(Value::as_i64).map(|a| a as isize);
            v.compress(&condition, axis)?.out()
        }
        "nonzero" => {
            let nz = v.nonzero()?;
            let column = nz.get(op["which"].as_u64().unwrap() as usize);
            Out::NewView(Buf::I64(column.buffer().to_vec()), column.layout().clone())
        }
        "argwhere" => v.argwhere().out(),
        "where" => {
            let cond = buffers.owned_as::<bool>(find(named, op["cond"].as_str().unwrap()));
            match &op["other"] {
                Value::String(name) => {
                    let other = buffers.owned_as::<T>(find(named, name));
                    ndview::where_(&cond, &v, &other)?.out()
                }
                other => ndview::where_(&cond, &v, T::from_json(other))?.out(),
            }
        }
        other => panic!("unknown op {other:?}"),
    })
}

/// Operations on int64 arrays only.
fn int_op(v: ArrayView<'_, i64>, op: &Value) -> Result<Out, Error> {
    let value = op["value"].as_i64().expect("an integer to compare with");
    Ok(Out::Bool(match op["cmp"].as_str().unwrap() {
        "lt" => v.lt(value)?,
        "le" => v.le(value)?,
        "gt" => v.gt(value)?,
        "ge" => v.ge(value)?,
        "eq" => v.equal(value)?,
        "ne" => v.not_equal(value)?,
        other => panic!("unknown comparison {other:?}"),
    }))
}

/// Operations on bool arrays only.
fn bool_op(v: ArrayView<'_, bool>, op: &Value, buffers: &Buffers, named: &Named) -> Result<Out, Error> {
    if op["op"] == "not" {
        return Ok(Out::Bool(ndview::logical_not(&v)));
    }
    let other = buffers.owned_as::<bool>(find(named, op["other"].as_str().unwrap()));
    Ok(Out::Bool(match op["fn"].as_str().unwrap() {
        "and" => ndview::logical_and(&v, &other)?,
        "or" => ndview::logical_or(&v, &other)?,
        "xor" => ndview::logical_xor(&v, &other)?,
        other => panic!("unknown logical function {other:?}"),
    }))
}

/// `assign`, `iadd` and `add_at`, in place, on an array of either type.
fn write_op(buffers: &mut Buffers, held: &Held, op: &Value, named: &Named) -> Result<(), Error> {
    if buffers.is_bool(held) {
        write_typed::<bool>(buffers, held, op, named)
    } else {
        write_typed::<i64>(buffers, held, op, named)
    }
}

fn write_typed<T: Elem + ndview::WrappingAdd>(
    buffers: &mut Buffers,
    held: &Held,
    op: &Value,
    named: &Named,
) -> Result<(), Error> {
    let items = index_items(&op["index"], buffers, named);
    let value = match &op["value"] {
        Value::String(name) => buffers.owned_as::<T>(find(named, name)),
        v => T::from_json(v),
    };
    let kind = op["op"].as_str().unwrap();
    let buf = T::slice_mut(&mut buffers.0[held.buffer]).expect("the element type of the buffer");
    let l = &held.layout;
    match ArrayViewMut::from_parts(&mut buf[..], l.shape(), l.strides(), l.offset()) {
        Ok(mut target) => match kind {
            "assign" => target.assign_at(&items, &value),
            "iadd" => target.add_assign_at(&items, &value),
            _ => target.add_at(&items, &value),
        },
        // A view that reaches an element twice (as_strided): ndview has no
        // writable such view, so write through the positions it reaches.
        Err(Error::InternalOverlap { .. }) => write_through_positions(buf, l, kind, &items, &value),
        Err(e) => Err(e),
    }
}

/// A write through an overlapping view, done on the buffer by positions:
/// the positions the index selects, then a 1-d write at those positions.
fn write_through_positions<T: Elem + ndview::WrappingAdd>(
    buf: &mut [T],
    layout: &Layout,
    kind: &str,
    items: &[IndexItem<'_>],
    value: &Array<T>,
) -> Result<(), Error> {
    let all: Vec<i64> = (0..buf.len() as i64).collect();
    let item = size_of::<T>() as isize;
    let strides: Vec<isize> = layout.strides().iter().map(|s| s / item * 8).collect();
    let in_positions = Layout::new(layout.shape(), &strides, layout.offset() / item * 8, 8, all.len())?;
    let positions = ArrayView::with_layout(&all, in_positions)?.select(items)?;
    let selected = ArrayView::with_layout(buf, layout.clone())?.select(items)?;
    let mut flat = ArrayViewMut::from_parts(buf, [all.len()], [item], 0)?;
    let at = [IndexItem::IntArray(CowArray::View(positions.view()))];
    match kind {
        "assign" => flat.assign_at(at, value),
        "iadd" => {
            let mut sum = selected;
            sum.add_assign_at([IndexItem::Ellipsis], value)?;
            flat.assign_at(at, &sum)
        }
        _ => flat.add_at(at, value),
    }
}

/// Applies one operation; returns the result and whether it is a view.
fn apply(buffers: &mut Buffers, held: &Held, op: &Value, named: &Named) -> Result<(Held, bool), Error> {
    let name = op["op"].as_str().expect("an op name");
    let out = if matches!(name, "assign" | "iadd" | "add_at") {
        write_op(buffers, held, op, named)?;
        Out::Written
    } else if name == "compare" {
        // NumPy compares the values as numbers (True is 1).
        let (data, layout) = buffers.cast::<i64>(held);
        int_op(ArrayView::with_layout(&data, layout)?, op)?
    } else if name == "not" || name == "logical" {
        // Any array is read by its truth values.
        let (data, layout) = buffers.cast::<bool>(held);
        bool_op(ArrayView::with_layout(&data, layout)?, op, buffers, named)?
    } else if buffers.is_bool(held) {
        read_op(buffers.view::<bool>(held), op, buffers, named)?
    } else {
        read_op(buffers.view::<i64>(held), op, buffers, named)?
    };
    Ok(match out {
        Out::View(layout) => (Held { buffer: held.buffer, layout }, true),
        Out::Written => (held.clone(), true),
        Out::I64(a) => (buffers.push(a), false),
        Out::Bool(a) => (buffers.push(a), false),
        Out::NewView(buf, layout) => {
            buffers.0.push(buf);
            (Held { buffer: buffers.0.len() - 1, layout }, false)
        }
    })
}

/// Mismatches of one case, as `(field, numpy, ndview)`.
type Mismatches = Vec<(String, Value, Value)>;

fn check(mismatches: &mut Mismatches, field: String, numpy: &Value, ours: Value) {
    if *numpy != ours {
        mismatches.push((field, numpy.clone(), ours));
    }
}

/// Checks the final array of a chain against NumPy's `result`.
fn check_result<T: Elem>(out: &mut Mismatches, name: &str, r: &Value, v: ArrayView<'_, T>, buffer: usize) {
    let f = |k: &str| format!("{name}.{k}");
    if !r["dtype"].is_null() {
        check(out, f("dtype"), &r["dtype"], json!(T::DTYPE));
    }
    check(out, f("shape"), &r["shape"], json!(v.shape()));
    check(out, f("strides"), &r["strides"], json!(v.strides()));
    check(out, f("buffer"), &r["buffer"], json!(buffer));
    check(out, f("offset"), &r["offset"], json!(v.offset()));
    check(out, f("values"), &r["values"], Value::from(v.to_vec()));
    check(out, f("c_contiguous"), &r["c_contiguous"], json!(v.is_c_contiguous()));
    check(out, f("f_contiguous"), &r["f_contiguous"], json!(v.is_f_contiguous()));
    check(out, f("internal_overlap"), &r["internal_overlap"], json!(v.internal_overlap()));
    if !r["str"].is_null() {
        check(out, f("str"), &r["str"], json!(v.to_string()));
        check(out, f("repr"), &r["repr"], json!(format!("{v:?}")));
    }
}

/// The three overlap answers for a pair, whatever the element types.
fn pair_answers<A: Elem, B: Elem>(a: ArrayView<'_, A>, b: ArrayView<'_, B>) -> [Value; 3] {
    let exact = match ndview::shares_memory(&a, &b) {
        Ok(x) => json!(x),
        Err(e) => json!(e.to_string()),
    };
    let one = match ndview::shares_memory_max_work(&a, &b, 1) {
        Ok(x) => json!(x),
        Err(Error::TooHard { .. }) => json!("too_hard"),
        Err(e) => json!(e.to_string()),
    };
    [exact, json!(ndview::may_share_memory(&a, &b)), one]
}

fn run_case(case: &Value) -> Mismatches {
    let mut out = Mismatches::new();
    let shape: Vec<usize> = ints(&case["base_shape"]);
    let start = case["base_start"].as_i64().unwrap_or(0);
    let n: usize = shape.iter().product();
    let mut base = Array::arange(n);
    base.map_inplace(|x| *x += start);
    let shape_arg: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
    let base = base.into_shape(shape_arg).expect("the base reshapes");
    let mut buffers = Buffers(Vec::new());
    let base = buffers.push(base);
    let mut named: Named = vec![("base".to_string(), base.clone())];

    for array in case["arrays"].as_array().expect("arrays") {
        let name = array["name"].as_str().unwrap().to_string();
        let mut held = base.clone();
        let mut error = None;
        for (i, op) in array["ops"].as_array().unwrap().iter().enumerate() {
            match apply(&mut buffers, &held, op, &named) {
                Ok((next, is_view)) => {
                    held = next;
                    let step = &array["steps"][i];
                    if step.is_null() {
                        continue; // NumPy raised; compared below
                    }
                    let l = &held.layout;
                    let f = |k: &str| format!("{name}.steps[{i}].{k}");
                    check(&mut out, f("shape"), &step["shape"], json!(l.shape()));
                    check(&mut out, f("strides"), &step["strides"], json!(l.strides()));
                    check(&mut out, f("buffer"), &step["buffer"], json!(held.buffer));
                    check(&mut out, f("offset"), &step["offset"], json!(l.offset()));
                    check(&mut out, f("view"), &step["view"], json!(is_view));
                }
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        let expected_error = &array["error"];
        match (error, expected_error.is_null()) {
            (Some(e), false) => {
                check(&mut out, format!("{name}.error"), &expected_error["message"], json!(e.to_string()));
                if !expected_error["type"].is_null() {
                    check(
                        &mut out,
                        format!("{name}.error.type"),
                        &expected_error["type"],
                        json!(e.numpy_type()),
                    );
                }
                continue;
            }
            (Some(e), true) => {
                out.push((format!("{name}.error"), Value::Null, json!(e.to_string())));
                continue;
            }
            (None, false) => {
                out.push((format!("{name}.error"), expected_error["message"].clone(), Value::Null));
                continue;
            }
            (None, true) => {}
        }
        let r = &array["result"];
        if buffers.is_bool(&held) {
            check_result(&mut out, &name, r, buffers.view::<bool>(&held), held.buffer);
        } else {
            check_result(&mut out, &name, r, buffers.view::<i64>(&held), held.buffer);
        }
        named.push((name, held));
    }

    if !case["base_after"].is_null() {
        check(&mut out, "base_after".into(), &case["base_after"], json!(buffers.view::<i64>(&base).to_vec()));
    }

    for pair in case["pairs"].as_array().map(Vec::as_slice).unwrap_or_default() {
        let get = |key: &str| {
            let n = pair[key].as_str().unwrap();
            named.iter().find(|(name, _)| name == n).map(|(_, h)| h.clone())
        };
        let (Some(a), Some(b)) = (get("a"), get("b")) else {
            out.push((format!("pair {pair}"), Value::Null, json!("array missing")));
            continue;
        };
        let answers = match (buffers.is_bool(&a), buffers.is_bool(&b)) {
            (false, false) => pair_answers(buffers.view::<i64>(&a), buffers.view::<i64>(&b)),
            (false, true) => pair_answers(buffers.view::<i64>(&a), buffers.view::<bool>(&b)),
            (true, false) => pair_answers(buffers.view::<bool>(&a), buffers.view::<i64>(&b)),
            (true, true) => pair_answers(buffers.view::<bool>(&a), buffers.view::<bool>(&b)),
        };
        let label = format!("{}~{}", pair["a"].as_str().unwrap(), pair["b"].as_str().unwrap());
        let [exact, may, one] = answers;
        check(&mut out, format!("{label}.shares_memory"), &pair["shares_memory"], exact);
        check(&mut out, format!("{label}.may_share_memory"), &pair["may_share_memory"], may);
        check(&mut out, format!("{label}.shares_memory_max_work_1"), &pair["shares_memory_max_work_1"], one);
    }
    out
}

/// What replaying one case file found.
#[derive(Debug, Default)]
pub struct Report {
    /// Cases whose every field matched.
    pub passed: usize,
    /// Cases with at least one mismatch.
    pub failed: usize,
    /// One line per mismatch: `case field numpy=… ndview=…`.
    pub mismatches: Vec<String>,
    /// Pairs compared, and those whose `shares_memory_max_work_1` matched.
    pub pairs: usize,
    pub pairs_max_work_1: usize,
}

/// Replays every case of `path` (a file in the numpy-cases schema).
pub fn run_file(path: &str) -> Result<Report, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| format!("{path} is not JSON: {e}"))?;
    let cases = doc["cases"].as_array().ok_or_else(|| format!("{path} has no \"cases\" list"))?;
    let mut report = Report::default();
    for case in cases {
        let id = case["id"].as_str().unwrap_or("?");
        let mismatches = match std::panic::catch_unwind(|| run_case(case)) {
            Ok(m) => m,
            Err(_) => vec![("panic".to_string(), Value::Null, json!("ndview or the runner panicked"))],
        };
        let n_pairs = case["pairs"].as_array().map_or(0, Vec::len);
        report.pairs += n_pairs;
        report.pairs_max_work_1 +=
            n_pairs - mismatches.iter().filter(|(f, _, _)| f.ends_with("shares_memory_max_work_1")).count();
        if mismatches.is_empty() {
            report.passed += 1;
        } else {
            report.failed += 1;
            for (field, numpy, ours) in mismatches {
                report.mismatches.push(format!("{id} {field} numpy={numpy} ndview={ours}"));
            }
        }
    }
    Ok(report)
}

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: conform FILE [FILE ...]   (case files in the numpy-cases schema)");
        return ExitCode::from(2);
    }
    let mut total = Report::default();
    for file in &files {
        match run_file(file) {
            Ok(r) => {
                for line in &r.mismatches {
                    println!("{line}");
                }
                total.passed += r.passed;
                total.failed += r.failed;
                total.pairs += r.pairs;
                total.pairs_max_work_1 += r.pairs_max_work_1;
            }
            Err(e) => {
                eprintln!("conform: {e}");
                return ExitCode::from(2);
            }
        }
    }
    println!("shares_memory_max_work_1 parity: {} of {} pairs", total.pairs_max_work_1, total.pairs);
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
