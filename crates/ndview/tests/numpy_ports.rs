//! NumPy's own tests for the limits and the length-1-stride rules, ported
//! case by case: `test_array_too_big` and `test_ravel`
//! (`numpy/_core/tests/test_multiarray.py`) and `test_contiguous_flags`
//! (`numpy/_core/tests/test_api.py`). NumPy's `flags.owndata` of a ravel is
//! ndview's `is_copy()`; `np.may_share_memory(r, a)` of a ravel is `is_view()`.

use ndview::{Array, ArrayView, CowArray, Element, Order, s};

type R = ndview::Result<()>;

fn vec_of<T: Element>(c: &CowArray<'_, T>) -> Vec<T> {
    c.view().to_vec()
}

#[test]
fn test_array_too_big() -> R {
    // Arrays addressable by isize on the byte level are fine, one more
    // element is "array is too big" (a ValueError in NumPy).
    fn check<T: Element>() -> R {
        let buf = vec![T::zero(); 100];
        let itemsize = size_of::<T>();
        let max_items = isize::MAX as usize / itemsize;
        let v = ArrayView::from_parts(&buf, [max_items], [0], 0)?;
        assert_eq!(v.nbytes(), max_items * itemsize);
        let err = ArrayView::from_parts(&buf, [max_items + 1], [0], 0).unwrap_err();
        assert!(err.to_string().starts_with("array is too big"), "{err}");
        assert!(err.to_string().contains(&format!("({},)", max_items + 1)), "{err}");
        Ok(())
    }
    check::<i64>()?; // intp
    check::<i8>()?; // b
    check::<u16>()?;
    check::<i32>()?;
    // The case: 2^60 items of 8 bytes are 2^63 bytes.
    assert!(ArrayView::from_parts(&[0_i64; 100], [1 << 60], [0], 0).is_err());
    Ok(())
}

#[test]
fn test_ravel() -> R {
    let a = Array::from_vec(vec![0_i64, 1, 2, 3], [2, 2])?;
    assert_eq!(vec_of(&a.ravel()), [0, 1, 2, 3]);
    assert!(a.ravel().is_view());
    assert_eq!(vec_of(&a.ravel_order(Order::F)), [0, 2, 1, 3]);
    assert_eq!(vec_of(&a.ravel_order(Order::C)), [0, 1, 2, 3]);
    assert_eq!(vec_of(&a.ravel_order(Order::A)), [0, 1, 2, 3]);
    assert!(a.ravel_order(Order::A).is_view());
    assert_eq!(vec_of(&a.ravel_order(Order::K)), [0, 1, 2, 3]);
    assert!(a.ravel_order(Order::K).is_view());
    assert_eq!(vec_of(&a.ravel()), vec_of(&a.reshape([-1])?));

    // np.array([[0, 1], [2, 3]], order='F'): memory 0, 2, 1, 3.
    let mem = Array::from_vec(vec![0_i64, 2, 1, 3], [2, 2])?;
    let a = mem.t();
    assert_eq!(a.strides(), &[8, 16]);
    assert_eq!(vec_of(&a.ravel()), [0, 1, 2, 3]);
    assert_eq!(vec_of(&a.ravel_order(Order::A)), [0, 2, 1, 3]);
    assert_eq!(vec_of(&a.ravel_order(Order::K)), [0, 2, 1, 3]);
    assert!(a.ravel_order(Order::A).is_view());
    assert!(a.ravel_order(Order::K).is_view());
    assert_eq!(vec_of(&a.ravel()), vec_of(&a.reshape([-1])?));
    assert_eq!(vec_of(&a.ravel_order(Order::A)), vec_of(&a.reshape_order([-1], Order::A)?));

    let base = Array::from_vec(vec![0_i64, 1, 2, 3], [2, 2])?;
    let a = base.slice(s![::-1, :])?;
    assert_eq!(vec_of(&a.ravel()), [2, 3, 0, 1]);
    assert_eq!(vec_of(&a.ravel_order(Order::C)), [2, 3, 0, 1]);
    assert_eq!(vec_of(&a.ravel_order(Order::F)), [2, 0, 3, 1]);
    assert_eq!(vec_of(&a.ravel_order(Order::A)), [2, 3, 0, 1]);
    // 'K' doesn't reverse the axes of negative strides
    assert_eq!(vec_of(&a.ravel_order(Order::K)), [2, 3, 0, 1]);
    assert!(a.ravel_order(Order::K).is_copy());

    // Simple 1-d copy behaviour.
    let x = Array::arange(10);
    let a = x.slice(s![::2])?;
    for order in [Order::K, Order::C, Order::F] {
        assert!(a.ravel_order(order).is_copy());
    }

    // Not contiguous, and a length-1 axis with a stride that matches nothing
    // (123 bytes: not even a multiple of the item size).
    let x = Array::arange(16);
    let half = x.slice(s![::2])?;
    let r = half.reshape([2, 1, 2, 2])?;
    let rv = r.view();
    let a = rv.swapaxes(-1, -2)?;
    let mut strides = a.strides().to_vec();
    strides[1] = 123;
    let a = a.as_strided(a.shape(), &strides)?;
    assert!(a.ravel_order(Order::K).is_copy());
    assert_eq!(vec_of(&a.ravel_order(Order::K)), (0..15).step_by(2).collect::<Vec<i64>>());

    // Contiguous, and a length-1 axis with a stride that matches nothing: a view.
    let x = Array::arange(8);
    let r = x.reshape([2, 1, 2, 2])?;
    let rv = r.view();
    let a = rv.swapaxes(-1, -2)?;
    let mut strides = a.strides().to_vec();
    strides[1] = 123;
    let a = a.as_strided(a.shape(), &strides)?;
    assert!(a.ravel_order(Order::K).is_view());
    assert_eq!(vec_of(&a.ravel_order(Order::K)), (0..8).collect::<Vec<i64>>());

    // Negative strides.
    let x = Array::arange(4);
    let rev = x.slice(s![::-1])?;
    let r = rev.reshape([2, 2])?;
    let a = r.view();
    assert!(a.ravel_order(Order::C).is_copy());
    assert!(a.ravel_order(Order::K).is_copy());
    assert_eq!(vec_of(&a.ravel_order(Order::C)), [3, 2, 1, 0]);
    assert_eq!(vec_of(&a.ravel_order(Order::K)), [3, 2, 1, 0]);

    // One element with "tidy" strides that are not multiples of anything.
    let one = Array::from_vec(vec![1_i64], [1, 1])?;
    let a = one.as_strided([1, 1], [123, 432])?;
    let r = a.ravel_order(Order::K);
    assert!(r.is_view());
    assert_eq!(r.layout().strides(), &[8]);

    // The 0-d corner case.
    let zero_d = Array::from_vec(vec![0_i64], [])?;
    for order in [Order::C, Order::F, Order::A, Order::K] {
        let r = zero_d.ravel_order(order);
        assert_eq!(vec_of(&r), [0]);
        assert!(r.is_view());
    }

    // Non-inplace ravels for 'K'.
    let x = Array::arange(32);
    let half = x.slice(s![::2])?;
    let b = half.reshape([2, 2, 2, 2])?;
    let b = b.view();
    let a = b.slice(s![:, :, :, ::2])?;
    for order in [Order::K, Order::C, Order::A] {
        assert_eq!(vec_of(&a.ravel_order(order)), [0, 4, 8, 12, 16, 20, 24, 28]);
    }
    assert_eq!(vec_of(&a.ravel_order(Order::F)), [0, 16, 8, 24, 4, 20, 12, 28]);
    let a = b.slice(s![::2])?;
    for order in [Order::K, Order::C, Order::A] {
        assert_eq!(vec_of(&a.ravel_order(order)), [0, 2, 4, 6, 8, 10, 12, 14]);
    }
    assert_eq!(vec_of(&a.ravel_order(Order::F)), [0, 8, 4, 12, 2, 10, 6, 14]);
    Ok(())
}

#[test]
fn test_contiguous_flags() -> R {
    fn check<T: Element>(a: &ArrayView<'_, T>, c: bool, f: bool) {
        assert_eq!((a.is_c_contiguous(), a.is_f_contiguous()), (c, f), "{}", a.describe());
    }
    // a = np.ones((4, 4, 1))[::2, :, :], then the length-1 axis's stride set to -123.
    let ones = Array::from_vec(vec![1.0_f64; 16], [4, 4, 1])?;
    let a = ones.slice(s![::2, :, :])?;
    let strides = [a.strides()[0], a.strides()[1], -123];
    let a = a.as_strided(a.shape(), strides)?;
    // b = np.ones((2, 2, 1, 2, 2)).swapaxes(3, 4)
    let ones5 = Array::from_vec(vec![1.0_f64; 16], [2, 2, 1, 2, 2])?;
    let b = ones5.swapaxes(3, 4)?;

    check(&a, false, false);
    check(&b, false, false);
    check(&Array::<f64>::zeros([2, 2, 0, 2, 2]).view(), true, true);
    check(&Array::from_vec(vec![1_i64, 2], [1, 2, 1])?.view(), true, true);
    check(&Array::<f64>::zeros([2, 2]).view(), true, false);
    check(&Array::<f64>::zeros([2, 2]).t(), false, true);

    // Copies: np.array(a, copy=None) keeps a; order='C' / 'F' copy it.
    check(&a.copy_order(Order::C).view(), true, false);
    check(&a.copy_order(Order::F).view(), false, true);

    // Slicing updates the flags.
    check(&a.slice(s![0])?, true, true);
    check(&a.slice(s![::4])?, true, true); // a[None, ::4, ..., None] without the new axes
    check(&b.slice(s![0, 0])?, false, true);
    check(&b.slice(s![:, :, 0:0, :, :])?, true, true);

    // ravel, and np.ones((1, 3, 1)).squeeze() (as a reshape).
    check(&a.ravel().view(), true, true);
    let ones = Array::from_vec(vec![1.0_f64; 3], [1, 3, 1])?;
    check(&ones.reshape([3])?.view(), true, true);
    Ok(())
}
